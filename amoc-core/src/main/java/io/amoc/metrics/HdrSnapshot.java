package io.amoc.metrics;

import com.codahale.metrics.Snapshot;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** A Dropwizard snapshot over one HdrHistogram: quantiles come from the histogram, never from a sample. */
public final class HdrSnapshot extends Snapshot {

    private static final double PERCENT = 100.0;
    private final Histogram histogram;

    public HdrSnapshot(Histogram histogram) {
        this.histogram = histogram;
    }

    @Override
    public double getValue(double quantile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(quantile * PERCENT);
    }

    /** The distinct recorded values (bucket values, one entry per bucket, not per event). */
    @Override
    public long[] getValues() {
        return java.util.stream.StreamSupport.stream(histogram.recordedValues().spliterator(), false)
                .mapToLong(HistogramIterationValue::getValueIteratedTo).toArray();
    }

    @Override
    public int size() {
        return (int) Math.min(Integer.MAX_VALUE, histogram.getTotalCount());
    }

    @Override
    public long getMax() {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getMaxValue();
    }

    @Override
    public double getMean() {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getMean();
    }

    @Override
    public long getMin() {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getMinValue();
    }

    @Override
    public double getStdDev() {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getStdDeviation();
    }

    @Override
    public void dump(OutputStream output) {
        try (PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(output, StandardCharsets.UTF_8))) {
            for (long value : getValues()) {
                out.println(value);
            }
        }
    }
}
