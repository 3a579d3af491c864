package io.amoc.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The fixture scenarios (test resources under scenarios/) and waiting for a condition with a deadline. */
public final class Fixtures {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final long POLL_MILLIS = 20;

    private Fixtures() {
    }

    /** Copies the named fixture scenarios into {@code dir} and returns it. */
    public static Path scenarios(Path dir, String... names) {
        try {
            Files.createDirectories(dir);
            for (String name : names) {
                try (InputStream in = Fixtures.class.getResourceAsStream("/scenarios/" + name + ".java")) {
                    Files.copy(in, dir.resolve(name + ".java"));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The cluster's TLS material for the tests, made once per build under target/test-tls with the code of
     * {@code bin/amoc tls init}.
     */
    public static synchronized Path tlsDir() {
        Path dir = Path.of("target", "test-tls").toAbsolutePath();
        try {
            io.amoc.rmi.tls.TlsFiles.read(dir);
        } catch (io.amoc.rmi.tls.TlsMaterialException missingOrStale) {
            try {
                io.amoc.rmi.tls.TlsFiles.createCluster(dir, true);
            } catch (io.amoc.rmi.tls.TlsMaterialException e) {
                throw new IllegalStateException("cannot make the tests' TLS material: " + e.getMessage(), e);
            }
        }
        return dir;
    }

    /** Polls until {@code condition} holds, failing after a generous deadline. */
    public static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        waitUntil(what, WAIT, condition);
    }

    /** Polls until {@code condition} holds, failing after {@code patience}. */
    public static void waitUntil(String what, Duration patience, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
