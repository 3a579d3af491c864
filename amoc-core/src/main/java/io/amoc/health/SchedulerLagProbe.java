package io.amoc.health;

import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how long a new virtual thread waits for a carrier: each probe starts a virtual thread and records the
 * delay until it runs. Probes still waiting when the window is read count with their delay so far, so that a
 * scheduler whose carriers are all busy (the probe never runs) still shows its lag. A plain histogram behind this
 * object's lock: ten values a second need no concurrent one, whose every read takes a lock per bucket.
 */
final class SchedulerLagProbe {

    private static final long NANOS_PER_MICRO = 1_000;
    private static final int SIGNIFICANT_DIGITS = 2;

    private Histogram current = new Histogram(SIGNIFICANT_DIGITS);
    /** Probe number to its start (ns), for the probes that have not run yet. */
    private final Map<Long, Long> waiting = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    /** Starts one probe. */
    void probe() {
        long number = sequence.incrementAndGet();
        long started = System.nanoTime();
        waiting.put(number, started);
        Thread.ofVirtual().name("amoc-lag-probe").start(() -> {
            if (waiting.remove(number) != null) {
                record(Math.max(0, (System.nanoTime() - started) / NANOS_PER_MICRO));
            }
        });
    }

    /** The lags recorded since the last call, plus the delay so far of every probe still waiting (µs). */
    synchronized Histogram window() {
        Histogram window = current;
        current = new Histogram(SIGNIFICANT_DIGITS);
        long now = System.nanoTime();
        waiting.values().forEach(started -> window.recordValue(Math.max(0, (now - started) / NANOS_PER_MICRO)));
        return window;
    }

    private synchronized void record(long micros) {
        current.recordValue(micros);
    }
}
