package io.amoc.shell.daemon;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a freshly launched daemon: ready, dead, or still not ready at the deadline. */
public final class Readiness {

    private static final long POLL_MILLIS = 100;

    public enum Outcome { READY, DIED, TIMED_OUT }

    private Readiness() {
    }

    public static Outcome await(Process process, BooleanSupplier ready, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready.getAsBoolean()) {
                return Outcome.READY;
            }
            if (!process.isAlive()) {
                return ready.getAsBoolean() ? Outcome.READY : Outcome.DIED;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return Outcome.TIMED_OUT;
    }
}
