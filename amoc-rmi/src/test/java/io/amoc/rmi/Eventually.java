package io.amoc.rmi;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a deadline passes. */
final class Eventually {

    private static final long POLL_MILLIS = 50;

    private Eventually() {
    }

    @FunctionalInterface
    interface Probe<T> {
        Optional<T> get() throws Exception;
    }

    /** The first value the probe returns before the deadline. */
    static <T> T value(String what, Duration deadline, Probe<T> probe) {
        long end = System.nanoTime() + deadline.toNanos();
        Exception last = null;
        while (System.nanoTime() < end) {
            try {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (IllegalStateException fatal) {
                throw fatal;
            } catch (Exception e) {
                last = e;
            }
            pause();
        }
        throw new AssertionError("waited " + deadline.toMillis() + " ms for " + what
                + (last == null ? "" : "; last error: " + last), last);
    }

    /** Waits until the condition holds. */
    static void until(String what, Duration deadline, BooleanSupplier condition) {
        value(what, deadline, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty());
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
