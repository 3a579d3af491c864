package io.amoc.compile;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipFile;

/**
 * A scenario's own libraries: every {@code .jar} in a {@code lib/} folder on the way from the scenario's source
 * file up to the directory of the scenario path it was found in (so {@code scenarios/lib/} serves every scenario
 * there, {@code scenarios/chat/lib/} the scenario in {@code scenarios/chat/}). The nearest folder wins for a jar
 * name. They are compiled against, shipped in the bundle and loaded by the scenario's own class loader.
 */
final class ScenarioLibraries {

    /** The folder name that holds a scenario's jars. */
    static final String FOLDER = "lib";
    private static final String JAR = ".jar";
    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

    private final Map<String, Path> jars;

    private ScenarioLibraries(Map<String, Path> jars) {
        this.jars = jars;
    }

    /** The jars for {@code source}, nearest folder first. */
    static ScenarioLibraries of(ScenarioSource source) throws ScenarioCompileException {
        Map<String, Path> found = new LinkedHashMap<>();
        Path top = source.pathDir().toAbsolutePath().normalize();
        for (Path dir = source.file().toAbsolutePath().normalize().getParent(); dir != null; dir = dir.getParent()) {
            addJars(dir.resolve(FOLDER), found);
            if (dir.equals(top) || !dir.startsWith(top)) {
                break;
            }
        }
        return new ScenarioLibraries(found);
    }

    private static void addJars(Path folder, Map<String, Path> found) throws ScenarioCompileException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder,
                p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(JAR))) {
            List<Path> sorted = new ArrayList<>();
            entries.forEach(sorted::add);
            sorted.sort(null);
            sorted.forEach(jar -> found.putIfAbsent(jar.getFileName().toString(), jar));
        } catch (IOException e) {
            throw problem(folder, "cannot list the scenario's jars (" + e.getMessage() + ")");
        }
    }

    /** The jar files, for the compiler's class path (nearest first). */
    List<File> files() {
        return jars.values().stream().map(Path::toFile).toList();
    }

    /** Names, sizes and times of the jars: a change of any of them compiles the scenario again. */
    String fingerprint() {
        MessageDigest digest = BundleDigest.newDigest();
        jars.forEach((name, path) -> {
            digest.update(path.toString().getBytes(StandardCharsets.UTF_8));
            try {
                digest.update((Files.size(path) + "@" + Files.getLastModifiedTime(path)).getBytes(StandardCharsets.UTF_8));
            } catch (IOException gone) {
                digest.update((byte) 0);
            }
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Checks that every jar is there and is a zip, before the compiler reads them (javac's own words for a broken
     * jar are several lines about an unnamed package).
     *
     * @throws ScenarioCompileException one line naming a jar that is missing or not a jar
     */
    void check() throws ScenarioCompileException {
        for (Path jar : jars.values()) {
            checked(jar);
        }
    }

    /**
     * Each jar checked (there, a readable zip) and read, by name.
     *
     * @param classBytes what the compiled classes take already, counted against {@link ScenarioBundle#MAX_BYTES}
     * @throws ScenarioCompileException one line naming a jar that is missing, not a jar, or too big
     */
    Map<String, byte[]> read(long classBytes) throws ScenarioCompileException {
        Map<String, byte[]> read = new TreeMap<>();
        long total = classBytes;
        for (Map.Entry<String, Path> jar : jars.entrySet()) {
            Path path = jar.getValue();
            total += checked(path);
            if (total > ScenarioBundle.MAX_BYTES) {
                throw problem(path, "the scenario's classes and jars come to " + mib(total) + " with this jar, more"
                        + " than the " + mib(ScenarioBundle.MAX_BYTES) + " a scenario bundle may carry to the slaves:"
                        + " drop jars it does not need, or install big libraries on every node instead");
            }
            try {
                read.put(jar.getKey(), Files.readAllBytes(path));
            } catch (IOException e) {
                throw problem(path, "cannot read the jar (" + e.getMessage() + ")");
            }
        }
        return read;
    }

    /** The jar's size once it is known to be there and a zip. */
    private static long checked(Path jar) throws ScenarioCompileException {
        if (!Files.exists(jar)) {
            throw problem(jar, Files.exists(jar, LinkOption.NOFOLLOW_LINKS)
                    ? "this jar is a link to a file that is not there: put the jar itself in " + FOLDER + "/"
                    : "this jar is missing (removed while the scenario compiled?)");
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.size();
            return Files.size(jar);
        } catch (IOException e) {
            throw problem(jar, "this is not a jar (" + e.getMessage() + "): replace it with the library's .jar file");
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / BYTES_PER_MIB);
    }

    private static ScenarioCompileException problem(Path path, String message) {
        return new ScenarioCompileException(List.of(new CompileDiagnostic(path.toString(), 0, 0, message)));
    }
}
