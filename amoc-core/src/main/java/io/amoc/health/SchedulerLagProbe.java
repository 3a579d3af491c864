package io.amoc.health;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how long a new virtual thread waits for a carrier: each probe starts a virtual thread and records the
 * delay until it runs. Probes still waiting when the window is read count with their delay so far, so that a
 * scheduler whose carriers are all busy (the probe never runs) still shows its lag.
 */
final class SchedulerLagProbe {

    private static final long NANOS_PER_MICRO = 1_000;
    private static final int SIGNIFICANT_DIGITS = 2;

    private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
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
                recorder.recordValue(Math.max(0, (System.nanoTime() - started) / NANOS_PER_MICRO));
            }
        });
    }

    /** The lags recorded since the last call, plus the delay so far of every probe still waiting (µs). */
    Histogram window() {
        Histogram window = recorder.getIntervalHistogram();
        long now = System.nanoTime();
        waiting.values().forEach(started -> window.recordValue(Math.max(0, (now - started) / NANOS_PER_MICRO)));
        return window;
    }
}
