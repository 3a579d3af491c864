package io.amoc.compile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 that names a scenario version: over the classes in name order, for each the UTF-8 bytes of its binary
 * name then its class bytes; then over the library jars in name order, for each {@code lib/<name>} then its bytes
 * (a bundle without jars has the digest of its classes alone). The compiler computes it for a new bundle; a slave
 * computes it again to check what it received.
 */
public final class BundleDigest {

    private static final String ALGORITHM = "SHA-256";
    private static final String LIBRARY_PREFIX = "lib/";

    private BundleDigest() {
    }

    /** Hex SHA-256 of these classes (class bytes by binary name); the map's own order does not matter. */
    public static String sha256(Map<String, byte[]> classBytes) {
        return sha256(classBytes, Map.of());
    }

    /** Hex SHA-256 of these classes and library jars (jar bytes by file name). */
    public static String sha256(Map<String, byte[]> classBytes, Map<String, byte[]> libraries) {
        MessageDigest digest = newDigest();
        new TreeMap<>(classBytes).forEach((name, bytes) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
        });
        new TreeMap<>(libraries).forEach((name, bytes) -> {
            digest.update((LIBRARY_PREFIX + name).getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The SHA-256 of {@code bundle}'s content, to compare with the one it announces. */
    public static String of(ScenarioBundle bundle) {
        return sha256(bundle.classBytes(), bundle.libraries());
    }

    /** A fresh SHA-256 digest (every Java runtime has one). */
    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }
}
