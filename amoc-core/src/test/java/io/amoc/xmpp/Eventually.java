package io.amoc.xmpp;

import io.amoc.metrics.NodeMetrics;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for a condition the XMPP tests expect to become true, and the metrics they read while waiting. */
final class Eventually {

    private static final long POLL_MILLIS = 20;

    private Eventually() {
    }

    /** Waits until {@code condition} holds, failing with {@code what} after {@code patience}. */
    static void await(String what, Duration patience, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + patience.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** How many times were recorded in the timer {@code amoc.times.<name>} of this node. */
    static long timed(String name) {
        return NodeMetrics.current().registry().histogram("amoc.times." + name).getCount();
    }
}
