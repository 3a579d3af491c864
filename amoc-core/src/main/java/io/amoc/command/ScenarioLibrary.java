package io.amoc.command;

import io.amoc.compile.CompileDiagnostic;
import io.amoc.compile.InvalidScenarioNameException;
import io.amoc.compile.ScenarioCatalog;
import io.amoc.compile.ScenarioCompileException;
import io.amoc.compile.UnknownScenarioException;

import javax.lang.model.SourceVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The scenarios of the master: those of the scenario path, compiled on demand, and uploaded sources. An upload is
 * compiled on its own first and joins the path (in the upload directory, which comes first, so an upload replaces a
 * scenario of the same name) only when it compiles; a source that does not compile changes nothing, and its javac
 * diagnostics come back as data ({@link ScenarioCompileException#diagnostics()}).
 * Thread-safe: compiles and uploads run one at a time.
 */
public final class ScenarioLibrary {

    /** Longest scenario source accepted for upload. */
    public static final int MAX_SOURCE_BYTES = 1024 * 1024;
    private static final String OPERATION = "upload";
    private static final String STAGING_PREFIX = ".upload-";

    private final ScenarioCatalog catalog;
    private final Path uploadDir;

    ScenarioLibrary(ScenarioCatalog catalog, Path uploadDir) {
        this.catalog = catalog;
        this.uploadDir = uploadDir;
    }

    /** The scenarios by name, each with the file that declares it. */
    public List<ScenarioEntry> list() {
        return catalog.names().stream()
                .map(name -> new ScenarioEntry(name, catalog.sourceFile(name).orElseThrow())).toList();
    }

    /**
     * The scenario {@code name} of the scenario path, without compiling it.
     *
     * @throws UnknownScenarioException no source declares it ({@code InvalidScenarioNameException}: no class name)
     */
    public ScenarioEntry entry(String name) throws UnknownScenarioException {
        Optional<Path> source = name == null ? Optional.empty() : catalog.sourceFile(name);
        if (source.isPresent()) {
            return new ScenarioEntry(name, source.get());
        }
        boolean aClassName = name != null && SourceVersion.isName(name) && !name.contains(".");
        throw aClassName ? new UnknownScenarioException(name, catalog.names())
                : new InvalidScenarioNameException(String.valueOf(name));
    }

    /** The directories searched, in order (the upload directory first). */
    public List<Path> directories() {
        return catalog.directories();
    }

    /** The scenario {@code name} compiled, without running it. */
    public synchronized CompiledScenario compile(String name) throws UnknownScenarioException, ScenarioCompileException {
        return CompiledScenario.of(catalog.bundle(name));
    }

    /**
     * Adds a scenario's source to the upload directory once it compiles, and gives the version that now runs under
     * its name.
     *
     * @param expectedName the name the source must declare, or empty to take whichever one scenario it declares
     * @throws SourceTooLargeException the source is longer than {@link #MAX_SOURCE_BYTES}
     * @throws BadRequestException      it does not declare exactly the one scenario expected
     * @throws ScenarioCompileException it does not compile (nothing changed)
     */
    public synchronized CompiledScenario upload(Optional<String> expectedName, String source)
            throws SourceTooLargeException, BadRequestException, ScenarioCompileException {
        int bytes = source.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_SOURCE_BYTES) {
            throw new SourceTooLargeException(bytes);
        }
        String name = declaredName(expectedName, source);
        Path staging = null;
        try {
            staging = Files.createDirectories(uploadDir).resolve(STAGING_PREFIX + System.nanoTime());
            Path file = Files.createDirectory(staging).resolve(name + ".java");
            Files.writeString(file, source, StandardCharsets.UTF_8);
            compileAlone(staging, name);
            Files.move(file, uploadDir.resolve(name + ".java"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return CompiledScenario.of(catalog.bundle(name));
        } catch (IOException e) {
            throw new ScenarioCompileException("cannot write " + name + ".java to " + uploadDir + ": " + e.getMessage());
        } catch (UnknownScenarioException e) {
            throw new ScenarioCompileException(e.getMessage());
        } finally {
            deleteQuietly(staging);
        }
    }

    /** Compiles the staged source on its own; its diagnostics name the file as uploaded, not where it was staged. */
    private static void compileAlone(Path staging, String name) throws UnknownScenarioException, ScenarioCompileException {
        try {
            new ScenarioCatalog(List.of(staging)).bundle(name);
        } catch (ScenarioCompileException e) {
            if (e.diagnostics().isEmpty()) {
                throw e;
            }
            throw new ScenarioCompileException(e.diagnostics().stream().map(d -> new CompileDiagnostic(
                    asUploaded(staging, d.file()), d.line(), d.column(), d.message())).toList());
        }
    }

    private static String asUploaded(Path staging, String file) {
        Path path = Path.of(file);
        return path.startsWith(staging) ? staging.relativize(path).toString() : file;
    }

    private static String declaredName(Optional<String> expected, String source) throws BadRequestException {
        List<String> declared = ScenarioCatalog.declaredIn(source);
        if (declared.size() != 1) {
            throw BadRequestException.of(OPERATION, "source", declared.isEmpty()
                    ? "the source declares no class implementing io.amoc.scenario.Scenario"
                    : "the source declares " + declared.size() + " scenarios (" + String.join(", ", declared)
                    + "): upload one per source");
        }
        String name = declared.get(0);
        if (expected.isPresent() && !expected.get().equals(name)) {
            throw BadRequestException.of(OPERATION, "scenario", "the source declares " + name + ", not "
                    + expected.get() + ": name the scenario after its class");
        }
        return name;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover hidden directory is skipped by every scan
        }
    }
}
