package io.amoc.metrics;

import com.codahale.metrics.Reservoir;
import com.codahale.metrics.Snapshot;
import org.HdrHistogram.Histogram;

/**
 * An HdrHistogram-backed reservoir for times in microseconds. Every value goes to two histograms:
 * <ul>
 *   <li>the interval one: {@link #getSnapshot()} returns the values recorded since the previous call and starts a new
 *       interval, so each Graphite report shows its interval and nothing older;</li>
 *   <li>the whole-run one, never reset, for the final summary and for {@link MetricsSnapshot#histograms()}.</li>
 * </ul>
 * Values keep {@value #SIGNIFICANT_DIGITS} significant digits (at most 0.1% off); the range grows as needed.
 * <p>
 * Both are plain histograms behind this object's lock rather than HdrHistogram's concurrent ones: a value costs one
 * uncontended lock instead of eight atomic operations, and reading a concurrent histogram takes a lock per bucket
 * (tens of thousands per copy), and a run's recorder takes a snapshot of every time histogram each second.
 */
public final class TimeReservoir implements Reservoir {

    /** Precision of every amoc histogram: values are kept to 3 significant digits. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram interval = Histograms.empty();
    private final Histogram wholeRun = Histograms.empty();

    @Override
    public synchronized int size() {
        return (int) Math.min(Integer.MAX_VALUE, wholeRun.getTotalCount());
    }

    /** Records one time in microseconds; a negative time (a clock step) is recorded as 0. */
    @Override
    public void update(long micros) {
        long value = Math.max(0, micros);
        synchronized (this) {
            interval.recordValue(value);
            wholeRun.recordValue(value);
        }
    }

    /** The values since the previous call (the report interval); starts a new interval. */
    @Override
    public synchronized Snapshot getSnapshot() {
        Snapshot snapshot = new HdrSnapshot(interval.copy());
        interval.reset();
        return snapshot;
    }

    /** A copy of every value recorded since this reservoir was made. */
    public synchronized Histogram wholeRun() {
        return wholeRun.copy();
    }
}
