package io.amoc.rmi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** The SHA-256 that names a scenario version: over the classes in name order, the name's UTF-8 bytes then the class bytes. */
public final class BundleDigest {

    private BundleDigest() {
    }

    /** Hex SHA-256 of the classes. */
    public static String sha256(Map<String, byte[]> classBytes) {
        MessageDigest digest = newDigest();
        new TreeMap<>(classBytes).forEach((name, bytes) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
