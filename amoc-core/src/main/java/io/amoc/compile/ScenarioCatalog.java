package io.amoc.compile;

import javax.lang.model.SourceVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The scenario path: directories of scenario sources, searched in order (the first directory that defines a name
 * wins). A scenario is named by its class's simple name, with or without a package. Bundles are compiled on demand
 * and cached by the content of their sources, so a changed source gives a new bundle with a new SHA-256.
 */
public final class ScenarioCatalog {

    private final List<Path> directories = new CopyOnWriteArrayList<>();
    private final Map<String, CachedBundle> cache = new HashMap<>();

    private record CachedBundle(ScenarioSource source, String sourceHash, ScenarioBundle bundle) {
    }

    public ScenarioCatalog(List<Path> scenarioDirs) {
        scenarioDirs.forEach(this::addDirectory);
    }

    /** Adds a directory at the end of the scenario path (once). */
    public void addDirectory(Path dir) {
        Path normalized = dir.normalize();
        if (!directories.contains(normalized)) {
            directories.add(normalized);
        }
    }

    public List<Path> directories() {
        return List.copyOf(directories);
    }

    /**
     * The simple names of the scenario classes a source text declares, in order, found by the same look at the text
     * as the scan of the scenario path (the compiler checks the find).
     */
    public static List<String> declaredIn(String sourceText) {
        return SourceScanner.scenarios(Path.of("Source.java"), sourceText).stream().map(ScenarioSource::name).toList();
    }

    /** The simple names of the scenario classes found in the sources, sorted. */
    public List<String> names() {
        return scan().keySet().stream().sorted().toList();
    }

    /** The file that defines the scenario {@code name}, if any. */
    public Optional<Path> sourceFile(String name) {
        return Optional.ofNullable(scan().get(name)).map(ScenarioSource::file);
    }

    /**
     * The compiled scenario {@code name}; recompiled when one of the sources beside it changed.
     *
     * @throws InvalidScenarioNameException if {@code name} cannot name a class (e.g. {@code ../x})
     * @throws UnknownScenarioException     if no source in the scenario path defines it
     * @throws ScenarioCompileException     with javac's diagnostics if it does not compile, or one per call that would
     *                                      end the JVM ({@code System.exit}, {@code Runtime.exit}, {@code Runtime.halt})
     */
    public synchronized ScenarioBundle bundle(String name) throws UnknownScenarioException, ScenarioCompileException {
        if (name == null || !SourceVersion.isName(name) || name.contains(".")) {
            throw new InvalidScenarioNameException(String.valueOf(name));
        }
        Map<String, ScenarioSource> found = scan();
        ScenarioSource source = found.get(name);
        if (source == null) {
            throw new UnknownScenarioException(name, found.keySet().stream().sorted().toList());
        }
        String sourceHash = sourceHash(source.sourceRoot()) + ScenarioLibraries.of(source).fingerprint();
        CachedBundle cached = cache.get(name);
        if (cached != null && cached.sourceHash().equals(sourceHash) && cached.source().equals(source)) {
            return cached.bundle();
        }
        ScenarioBundle bundle = compile(source);
        cache.put(name, new CachedBundle(source, sourceHash, bundle));
        return bundle;
    }

    private static ScenarioBundle compile(ScenarioSource source) throws ScenarioCompileException {
        ScenarioLibraries libraries = ScenarioLibraries.of(source);
        libraries.check();
        Map<String, byte[]> classes = ScenarioCompiler.compile(source, libraries.files());
        List<CompileDiagnostic> exits = JvmExitCalls.find(classes, source.sourceRoot());
        if (!exits.isEmpty()) {
            throw new ScenarioCompileException(exits);
        }
        Map<String, byte[]> jars = libraries.read(classes.values().stream().mapToLong(b -> b.length).sum());
        String className = ScenarioClasses.pick(source, classes, jars);
        return new ScenarioBundle(source.name(), className, classes, BundleDigest.sha256(classes, jars), jars);
    }

    /** Scenario sources by name; the first directory of the path that defines a name wins. */
    private Map<String, ScenarioSource> scan() {
        Map<String, ScenarioSource> byName = new LinkedHashMap<>();
        for (Path dir : directories) {
            for (Path file : SourceScanner.javaFiles(dir)) {
                for (ScenarioSource source : SourceScanner.scenarios(file)) {
                    byName.putIfAbsent(source.name(), source.foundIn(dir));
                }
            }
        }
        return byName;
    }

    /** A hash over the .java files a scenario may compile with (paths and contents). */
    private static String sourceHash(Path sourceRoot) throws ScenarioCompileException {
        MessageDigest digest = BundleDigest.newDigest();
        try {
            for (Path file : SourceScanner.javaFiles(sourceRoot)) {
                digest.update(sourceRoot.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new ScenarioCompileException("cannot read the scenario sources in " + sourceRoot + ": " + e.getMessage());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
