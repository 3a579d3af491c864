package io.amoc.shell.attach;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The secret a client must present on connect. The daemon writes it to a file only its owner can read, so only the
 * same OS user on the same machine can attach.
 */
public final class AccessToken {

    private static final int TOKEN_BYTES = 32;
    static final Set<PosixFilePermission> OWNER_ONLY =
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final String value;

    private AccessToken(String value) {
        this.value = value;
    }

    /** A fresh random token, written to {@code file} (replacing any old one) with permissions 0600. */
    public static AccessToken createIn(Path file) throws IOException {
        byte[] bytes = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(bytes);
        AccessToken token = new AccessToken(HexFormat.of().formatHex(bytes));
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        Files.writeString(file, token.value + "\n", StandardCharsets.UTF_8);
        return token;
    }

    public static AccessToken readFrom(Path file) throws IOException {
        return new AccessToken(Files.readString(file, StandardCharsets.UTF_8).strip());
    }

    public static AccessToken of(String value) {
        return new AccessToken(value);
    }

    /** Compares in constant time, so the answer's timing tells nothing about the token. */
    public boolean matches(String candidate) {
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return "AccessToken[hidden]";
    }
}
