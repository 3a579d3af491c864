package io.amoc.compile;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Compiles one scenario's source in memory with javax.tools; errors come back as data. */
final class ScenarioCompiler {

    private static final String TARGET_RELEASE = "21";
    private static final List<String> OPTIONS = List.of("--release", TARGET_RELEASE, "-g", "-proc:none",
            "-implicit:class", "-encoding", "UTF-8", "-Xlint:none", "-nowarn");

    private ScenarioCompiler() {
    }

    /**
     * Compiles {@code source}'s file; classes it uses from its source root are compiled along with it, against
     * the scenario's {@code libraries} (first, as its class loader finds them first) and amoc's class path.
     */
    static Map<String, byte[]> compile(ScenarioSource source, List<File> libraries) throws ScenarioCompileException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new ScenarioCompileException("this Java runtime has no compiler: run amoc with a JDK 21+ (not a JRE)");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ENGLISH,
                StandardCharsets.UTF_8);
        try (ScenarioFileManager files = new ScenarioFileManager(standard)) {
            standard.setLocation(StandardLocation.CLASS_PATH, classPath(libraries));
            standard.setLocation(StandardLocation.SOURCE_PATH, List.of(source.sourceRoot().toFile()));
            Iterable<? extends JavaFileObject> units = standard.getJavaFileObjects(source.file().toFile());
            boolean ok = javac.getTask(null, files, diagnostics, OPTIONS, null, units).call();
            List<CompileDiagnostic> errors = errors(diagnostics.getDiagnostics());
            if (!ok || !errors.isEmpty()) {
                throw new ScenarioCompileException(errors.isEmpty()
                        ? List.of(new CompileDiagnostic(source.file().toString(), 0, 0, "javac failed without a message"))
                        : errors);
            }
            return files.classBytes();
        } catch (IOException e) {
            throw new ScenarioCompileException("cannot read the sources of " + source.name() + ": " + e.getMessage());
        }
    }

    /** The scenario's jars, then this JVM's class path; the file manager hides amoc's internals from it. */
    private static List<File> classPath(List<File> libraries) {
        String path = System.getProperty("java.class.path", "");
        List<File> files = new ArrayList<>(libraries);
        Arrays.stream(path.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(File::new).forEach(files::add);
        return files;
    }

    private static List<CompileDiagnostic> errors(List<Diagnostic<? extends JavaFileObject>> all) {
        List<CompileDiagnostic> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : all) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(new CompileDiagnostic(fileName(d.getSource()), Math.max(0, d.getLineNumber()),
                        Math.max(0, d.getColumnNumber()), d.getMessage(Locale.ENGLISH)));
            }
        }
        return errors;
    }

    private static String fileName(JavaFileObject source) {
        return source == null ? "javac" : source.getName();
    }
}
