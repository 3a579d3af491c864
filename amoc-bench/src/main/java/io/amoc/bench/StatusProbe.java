package io.amoc.bench;

import io.amoc.cluster.Cluster;
import org.HdrHistogram.Histogram;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Asks the cluster for its status in a loop on its own thread and records how long each answer took. */
final class StatusProbe implements Runnable {

    private static final long HIGHEST_TRACKABLE_NS = TimeUnit.SECONDS.toNanos(60);
    private static final int SIGNIFICANT_DIGITS = 3;
    private static final long DEFAULT_PAUSE_MS = 1;
    private static final double P99 = 99.0;

    /** Status latency over one phase of the benchmark. */
    record Latency(long count, long maxNanos, long p99Nanos) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "max %.2f ms, p99 %.2f ms over %d calls", maxNanos / 1e6, p99Nanos / 1e6, count);
        }
    }

    private final Cluster cluster;
    private final long pauseMillis;
    private final Thread thread;
    private Histogram current = new Histogram(HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS);
    private volatile boolean running = true;

    StatusProbe(Cluster cluster) {
        this(cluster, DEFAULT_PAUSE_MS);
    }

    /** A probe that pauses {@code pauseMillis} between two calls. */
    StatusProbe(Cluster cluster, long pauseMillis) {
        this.cluster = cluster;
        this.pauseMillis = pauseMillis;
        this.thread = Thread.ofPlatform().daemon().name("status-probe").unstarted(this);
    }

    void begin() {
        thread.start();
    }

    void end() throws InterruptedException {
        running = false;
        thread.join();
    }

    /** The latency since the previous phase ended; starts a new phase. */
    synchronized Latency phase() {
        Latency latency = new Latency(current.getTotalCount(), current.getMaxValue(),
                current.getValueAtPercentile(P99));
        current = new Histogram(HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS);
        return latency;
    }

    private synchronized void record(long nanos) {
        current.recordValue(Math.min(nanos, HIGHEST_TRACKABLE_NS));
    }

    @Override
    public void run() {
        while (running) {
            long begin = System.nanoTime();
            cluster.status();
            record(System.nanoTime() - begin);
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
