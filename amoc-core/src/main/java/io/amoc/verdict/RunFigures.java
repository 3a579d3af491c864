package io.amoc.verdict;

import io.amoc.metrics.Histograms;
import io.amoc.metrics.MetricsSnapshot;
import io.amoc.metrics.NodeMetrics;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures thresholds read: a run's metrics (one node's, or the cluster's merged histograms) and how long the
 * run lasted. Rates are per second of the run.
 */
public final class RunFigures {

    private static final double MILLIS_PER_SECOND = 1_000.0;

    private final Map<String, Long> counters;
    private final Map<String, Histogram> times = new TreeMap<>();
    private final double seconds;

    /** @param run the run's metrics (for a cluster, merged); @param lasted how long the run lasted */
    public RunFigures(MetricsSnapshot run, Duration lasted) {
        this.counters = Map.copyOf(run.counters());
        run.histograms().forEach((name, bytes) -> times.put(name, Histograms.decode(bytes)));
        this.seconds = lasted.toMillis() / MILLIS_PER_SECOND;
    }

    /**
     * The value of {@code statistic} over {@code metric}: for times in microseconds; a count of a counter (0 for
     * one of amoc's own counters the run never counted) or of the values a time recorded; a rate in events per
     * second of the run. A name the run neither counted nor timed, and not amoc's own, is unknown: taking it for 0
     * would let a misspelt {@code count(user_failure) == 0} hold.
     */
    double value(Statistic statistic, String metric) throws UnknownFigureException {
        if (statistic.ofTime()) {
            Histogram histogram = recordedTime(metric);
            return switch (statistic) {
                case MIN -> histogram.getMinValue();
                case MAX -> histogram.getMaxValue();
                case MEAN -> histogram.getMean();
                default -> histogram.getValueAtPercentile(statistic.percentile());
            };
        }
        if (!knows(metric) && !NodeMetrics.AMOC_COUNTERS.contains(metric)) {
            throw new UnknownFigureException("no counter or time '" + metric + "' in this run (counters: "
                    + String.join(", ", new TreeMap<>(counters).keySet()) + "; a counter of your own that may stay"
                    + " at 0: count it once with AmocMetrics.count(\"" + metric + "\", 0) in init)");
        }
        double count = count(metric);
        return statistic == Statistic.COUNT ? count : seconds <= 0 ? 0 : count / seconds;
    }

    /** True when the run has a counter or a time of this name. */
    boolean knows(String metric) {
        return counters.containsKey(metric) || times.containsKey(metric);
    }

    private double count(String metric) {
        Long counted = counters.get(metric);
        if (counted != null) {
            return counted;
        }
        Histogram histogram = times.get(metric);
        return histogram == null ? 0 : histogram.getTotalCount();
    }

    private Histogram recordedTime(String metric) throws UnknownFigureException {
        Histogram histogram = times.get(metric);
        if (histogram == null || histogram.getTotalCount() == 0) {
            throw new UnknownFigureException("no value of time '" + metric + "' was recorded in this run"
                    + (times.isEmpty() ? "" : " (times: " + String.join(", ", times.keySet()) + ")"));
        }
        return histogram;
    }
}
