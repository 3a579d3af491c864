package io.amoc.report;

import org.HdrHistogram.Histogram;

/**
 * The figures of one time over a stretch of a run, in microseconds.
 *
 * @param count how many values were recorded
 * @param mean  their mean
 * @param min   the smallest
 * @param p50   the median
 * @param p95   the 95th percentile
 * @param p99   the 99th percentile
 * @param max   the largest
 */
public record TimeFigures(long count, double mean, long min, long p50, long p95, long p99, long max) {

    private static final double P50 = 50;
    private static final double P95 = 95;
    private static final double P99 = 99;

    /** The figures of {@code histogram}; all zero when it is empty. */
    public static TimeFigures of(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return new TimeFigures(0, 0, 0, 0, 0, 0, 0);
        }
        return new TimeFigures(histogram.getTotalCount(), histogram.getMean(), histogram.getMinValue(),
                histogram.getValueAtPercentile(P50), histogram.getValueAtPercentile(P95),
                histogram.getValueAtPercentile(P99), histogram.getMaxValue());
    }
}
