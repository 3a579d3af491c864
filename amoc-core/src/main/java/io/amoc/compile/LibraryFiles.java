package io.amoc.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bundle's library jars as files, for the scenario's class loader: written once per JVM to a private temporary
 * directory (removed when the JVM exits), each named by the SHA-256 of its content, so two versions of a library
 * never share a file and a jar two runs use is written once. A slave gets the jars only as bytes in the bundle.
 */
final class LibraryFiles {

    private static final String DIRECTORY_PREFIX = "amoc-scenario-libs-";
    private static Path directory;

    private LibraryFiles() {
    }

    /** The jars' URLs in name order, written to disk first when needed. */
    static synchronized URL[] urls(Map<String, byte[]> libraries) {
        if (libraries.isEmpty()) {
            return new URL[0];
        }
        List<URL> urls = new ArrayList<>();
        try {
            for (Map.Entry<String, byte[]> jar : new TreeMap<>(libraries).entrySet()) {
                urls.add(file(jar.getKey(), jar.getValue()).toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException("a file path is always a URL", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scenario's jars to a temporary directory: " + e.getMessage(), e);
        }
        return urls.toArray(URL[]::new);
    }

    private static Path file(String name, byte[] bytes) throws IOException {
        String sha = HexFormat.of().formatHex(BundleDigest.newDigest().digest(bytes));
        Path target = directory().resolve(sha.substring(0, 16) + "-" + Path.of(name).getFileName());
        if (!Files.exists(target)) {
            Path partial = Files.createTempFile(directory(), "partial-", ".jar");
            Files.write(partial, bytes);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            target.toFile().deleteOnExit();
        }
        return target;
    }

    private static Path directory() throws IOException {
        if (directory == null) {
            directory = Files.createTempDirectory(DIRECTORY_PREFIX);
            directory.toFile().deleteOnExit();
        }
        return directory;
    }
}
