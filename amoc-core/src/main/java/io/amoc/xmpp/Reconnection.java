package io.amoc.xmpp;

import io.amoc.config.Config;
import io.amoc.config.ConfigKeys;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * When a lost connection tries again ({@code xmpp_reconnect = true}): exponential backoff with full jitter (a random
 * wait up to a ceiling that starts at {@value #FIRST_CEILING_MILLIS} ms and doubles per failed attempt up to
 * {@value #MAX_CEILING_MILLIS} ms, so that a thousand users cut off at once do not come back at once), and at most
 * {@code xmpp_reconnect_rate} attempts per second in this JVM (one node).
 */
final class Reconnection {

    static final long FIRST_CEILING_MILLIS = 100;
    static final long MAX_CEILING_MILLIS = 30_000;
    private static final double NANOS_PER_SECOND = 1e9;
    /** The time (System.nanoTime) from which the next attempt of this node may go. */
    private static final AtomicLong NEXT_SLOT = new AtomicLong(System.nanoTime());

    private Reconnection() {
    }

    /** Whether a lost connection reconnects instead of failing its user (config {@code xmpp_reconnect}, read now). */
    static boolean enabled() {
        return ConfigKeys.XMPP_RECONNECT.get(Config.global());
    }

    /** The wait before attempt {@code attempt} (0 for the first): uniform in 0..ceiling, in ms. */
    static long delayMillis(int attempt, RandomGenerator random) {
        return random.nextLong(ceilingMillis(attempt) + 1);
    }

    /** {@value #FIRST_CEILING_MILLIS} ms doubled {@code attempt} times, at most {@value #MAX_CEILING_MILLIS} ms. */
    static long ceilingMillis(int attempt) {
        long ceiling = FIRST_CEILING_MILLIS;
        for (int doubled = 0; doubled < attempt && ceiling < MAX_CEILING_MILLIS; doubled++) {
            ceiling *= 2;
        }
        return Math.min(MAX_CEILING_MILLIS, ceiling);
    }

    /** Waits for this node's next attempt slot: {@code xmpp_reconnect_rate} slots a second, read at each call. */
    static void awaitTurn() throws InterruptedException {
        long interval = (long) (NANOS_PER_SECOND / ConfigKeys.XMPP_RECONNECT_RATE.get(Config.global()));
        long slot = NEXT_SLOT.getAndUpdate(next -> Math.max(next, System.nanoTime()) + interval);
        long wait = Math.max(slot, System.nanoTime()) - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
