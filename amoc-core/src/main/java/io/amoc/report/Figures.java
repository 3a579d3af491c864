package io.amoc.report;

import io.amoc.metrics.MergedMetrics;
import io.amoc.metrics.MetricsSnapshot;

import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one node (or of the cluster, merged) over a stretch of a run.
 *
 * @param users    live users at its end
 * @param counters counter name to the events counted in the stretch
 * @param rates    counter name to events per second of the stretch
 * @param times    time name to its figures in the stretch (merged histograms, never averaged percentiles)
 * @param gauges   gauge name to its value at the end
 */
public record Figures(long users, Map<String, Long> counters, Map<String, Double> rates,
                      Map<String, TimeFigures> times, Map<String, Long> gauges) {

    private static final double MILLIS_PER_SECOND = 1_000.0;

    public Figures {
        counters = Map.copyOf(counters);
        rates = Map.copyOf(rates);
        times = Map.copyOf(times);
        gauges = Map.copyOf(gauges);
    }

    /** The figures of {@code stretch} (what happened in it: {@link MergedMetrics#since}) lasting {@code millis}. */
    public static Figures of(MetricsSnapshot stretch, long millis) {
        double seconds = millis / MILLIS_PER_SECOND;
        Map<String, Double> rates = new TreeMap<>();
        stretch.counters().forEach((name, n) -> rates.put(name, seconds <= 0 ? 0 : n / seconds));
        Map<String, TimeFigures> times = new TreeMap<>();
        MergedMetrics.histograms(stretch).forEach((name, histogram) -> times.put(name, TimeFigures.of(histogram)));
        return new Figures(stretch.users(), stretch.counters(), rates, times, stretch.gauges());
    }
}
