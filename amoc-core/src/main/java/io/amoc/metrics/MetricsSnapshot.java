package io.amoc.metrics;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metrics of one node (or of a cluster, merged by {@link MergedMetrics}) at one moment, in a form that travels
 * between JVMs and merges exactly.
 *
 * @param node           the node's name
 * @param takenAtMillis  when it was taken (epoch ms)
 * @param users          live users
 * @param counters       counter name (without the {@code amoc.counters.} prefix) to total count
 * @param gauges         gauge name to value
 * @param histograms     time name to the whole-run HdrHistogram in its compressed byte form ({@link Histograms})
 * @param lastMinute     counter name to its events in the last 60 s (empty when the sender did not send them)
 */
public record MetricsSnapshot(String node, long takenAtMillis, long users, Map<String, Long> counters,
                              Map<String, Long> gauges, Map<String, byte[]> histograms,
                              Map<String, Long> lastMinute) implements Serializable {

    /** A snapshot without last-minute counts. */
    public MetricsSnapshot(String node, long takenAtMillis, long users, Map<String, Long> counters,
                           Map<String, Long> gauges, Map<String, byte[]> histograms) {
        this(node, takenAtMillis, users, counters, gauges, histograms, new TreeMap<>());
    }

    public MetricsSnapshot {
        lastMinute = lastMinute == null ? new TreeMap<>() : lastMinute;
    }
}
