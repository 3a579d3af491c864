package io.amoc.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The API's two bearer tokens, each a random 256-bit value in a file of the var directory that only its owner may
 * read: {@value #FULL_FILE} may do everything, {@value #READ_FILE} may only read (GET). Missing files are made at
 * the first start; a token replaced on disk ({@code bin/amoc api-token --rotate}) is the only valid one from the next
 * request on. Tokens are compared in constant time and never logged: a caller is known by its fingerprint.
 */
public final class ApiTokens {

    public static final String FULL_FILE = "api.token";
    public static final String READ_FILE = "api-read.token";
    private static final int TOKEN_BYTES = 32;
    private static final int FINGERPRINT_HEX_DIGITS = 12;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a token may do. */
    public enum Access {
        /** Every operation. */
        FULL,
        /** GET only. */
        READ;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        String file() {
            return this == FULL ? FULL_FILE : READ_FILE;
        }
    }

    /**
     * Who sent a request: what its token may do, and the token's fingerprint (the first hex digits of its SHA-256),
     * which names it in the audit log without revealing it.
     */
    public record Caller(Access access, String fingerprint) {

        public boolean mayChange() {
            return access == Access.FULL;
        }

        @Override
        public String toString() {
            return access.label() + ":" + fingerprint;
        }
    }

    /** The tokens as last read, with the files' times to notice a rotation. */
    private record Loaded(String full, String read, FileTime fullTime, FileTime readTime) {
    }

    private final Path dir;
    private volatile Loaded loaded;

    private ApiTokens(Path dir, Loaded loaded) {
        this.dir = dir;
        this.loaded = loaded;
    }

    /** The tokens of {@code dir}, making the files that are missing. */
    public static ApiTokens in(Path dir) throws IOException {
        value(dir, Access.FULL);
        value(dir, Access.READ);
        return new ApiTokens(dir, load(dir));
    }

    /** The token of {@code access} in {@code dir}, made first if it is missing. */
    public static String value(Path dir, Access access) throws IOException {
        Path file = dir.resolve(access.file());
        try {
            String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!token.isEmpty()) {
                return token;
            }
        } catch (NoSuchFileException missing) {
            // made below
        }
        return rotate(dir, access);
    }

    /** A new token of {@code access} in {@code dir}, replacing the old one (which no longer works). */
    public static String rotate(Path dir, Access access) throws IOException {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.createDirectories(dir);
        Path fresh = dir.resolve(access.file() + ".new");
        Files.deleteIfExists(fresh);
        Files.createFile(fresh, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(fresh, token + "\n", StandardCharsets.US_ASCII);
        Files.move(fresh, dir.resolve(access.file()), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        return token;
    }

    /** The caller {@code presented} names, or empty when it is no current token. */
    public Optional<Caller> caller(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        Loaded now = current();
        byte[] candidate = presented.getBytes(StandardCharsets.US_ASCII);
        boolean full = MessageDigest.isEqual(now.full().getBytes(StandardCharsets.US_ASCII), candidate);
        boolean read = MessageDigest.isEqual(now.read().getBytes(StandardCharsets.US_ASCII), candidate);
        if (!full && !read) {
            return Optional.empty();
        }
        return Optional.of(new Caller(full ? Access.FULL : Access.READ, fingerprint(presented)));
    }

    /** The first hex digits of the token's SHA-256: enough to tell tokens apart in a log, useless to an attacker. */
    public static String fingerprint(String token) {
        return AuditLog.sha256(token).substring(0, FINGERPRINT_HEX_DIGITS);
    }

    /** The tokens on disk if a file changed since they were read, else the ones in memory. */
    private Loaded current() {
        Loaded known = loaded;
        try {
            FileTime full = Files.getLastModifiedTime(dir.resolve(FULL_FILE));
            FileTime read = Files.getLastModifiedTime(dir.resolve(READ_FILE));
            if (!full.equals(known.fullTime()) || !read.equals(known.readTime())) {
                known = load(dir);
                loaded = known;
            }
        } catch (IOException goneOrUnreadable) {
            // keep the tokens read last: a missing file never opens the API
        }
        return known;
    }

    private static Loaded load(Path dir) throws IOException {
        Path full = dir.resolve(FULL_FILE);
        Path read = dir.resolve(READ_FILE);
        return new Loaded(Files.readString(full, StandardCharsets.US_ASCII).strip(),
                Files.readString(read, StandardCharsets.US_ASCII).strip(),
                Files.getLastModifiedTime(full), Files.getLastModifiedTime(read));
    }

    @Override
    public String toString() {
        return "ApiTokens[" + dir + ", hidden]";
    }
}
