package io.amoc.metrics;

import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cluster's metrics from its nodes' snapshots: users, counters, last-minute counts and gauges summed, and
 * histograms MERGED (every node's recorded values added into one HdrHistogram), so the cluster's p99 is the p99 of
 * all values, never an average of the nodes' percentiles.
 */
public final class MergedMetrics {

    /** The node name of a merged snapshot. */
    public static final String CLUSTER = "cluster";

    private MergedMetrics() {
    }

    /** The snapshots merged into one named {@value #CLUSTER}, taken at the latest of their times. */
    public static MetricsSnapshot of(List<MetricsSnapshot> nodes) {
        Map<String, Long> counters = new TreeMap<>();
        Map<String, Long> lastMinute = new TreeMap<>();
        Map<String, Long> gauges = new TreeMap<>();
        Map<String, Histogram> histograms = new TreeMap<>();
        long users = 0;
        long takenAt = 0;
        for (MetricsSnapshot node : nodes) {
            users += node.users();
            takenAt = Math.max(takenAt, node.takenAtMillis());
            node.counters().forEach((name, n) -> counters.merge(name, n, Long::sum));
            node.lastMinute().forEach((name, n) -> lastMinute.merge(name, n, Long::sum));
            node.gauges().forEach((name, n) -> gauges.merge(name, n, Long::sum));
            node.histograms().forEach((name, bytes) ->
                    histograms.computeIfAbsent(name, k -> Histograms.empty()).add(Histograms.decode(bytes)));
        }
        return new MetricsSnapshot(CLUSTER, takenAt, users, counters, gauges, encoded(histograms), lastMinute);
    }

    /**
     * What happened between {@code before} and {@code after} of the same node or cluster: counters and histograms
     * minus those of {@code before}; users, gauges and last-minute counts as in {@code after}. A counter or
     * histogram that went backwards (the metrics were replaced in between) is taken whole from {@code after}.
     */
    public static MetricsSnapshot since(MetricsSnapshot before, MetricsSnapshot after) {
        Map<String, Long> counters = new TreeMap<>();
        after.counters().forEach((name, n) -> {
            long earlier = before.counters().getOrDefault(name, 0L);
            counters.put(name, n >= earlier ? n - earlier : n);
        });
        Map<String, Histogram> histograms = new TreeMap<>();
        after.histograms().forEach((name, bytes) -> {
            Histogram now = Histograms.empty();
            now.add(Histograms.decode(bytes));
            byte[] earlierBytes = before.histograms().get(name);
            histograms.put(name, earlierBytes == null ? now : minus(now, Histograms.decode(earlierBytes)));
        });
        return new MetricsSnapshot(after.node(), after.takenAtMillis(), after.users(), counters,
                new TreeMap<>(after.gauges()), encoded(histograms), new TreeMap<>(after.lastMinute()));
    }

    /** Every histogram of the snapshot, decoded. */
    public static Map<String, Histogram> histograms(MetricsSnapshot snapshot) {
        Map<String, Histogram> decoded = new TreeMap<>();
        snapshot.histograms().forEach((name, bytes) -> decoded.put(name, Histograms.decode(bytes)));
        return decoded;
    }

    private static Histogram minus(Histogram now, Histogram earlier) {
        if (earlier.getTotalCount() > now.getTotalCount()) {
            return now;
        }
        Histogram difference = now.copy();
        try {
            difference.subtract(earlier);
            return difference;
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException wentBackwards) {
            return now;
        }
    }

    private static Map<String, byte[]> encoded(Map<String, Histogram> histograms) {
        Map<String, byte[]> bytes = new TreeMap<>();
        histograms.forEach((name, histogram) -> bytes.put(name, Histograms.encode(histogram)));
        return bytes;
    }
}
