package io.amoc.metrics;

import java.io.Serializable;
import java.util.Map;

/**
 * The metrics of one node at one moment, in a form that travels between JVMs and merges exactly.
 *
 * @param node           the node's name
 * @param takenAtMillis  when it was taken (epoch ms)
 * @param users          live users
 * @param counters       counter name (without the {@code amoc.counters.} prefix) to total count
 * @param gauges         gauge name to value
 * @param histograms     time name to the whole-run HdrHistogram in its compressed byte form
 */
public record MetricsSnapshot(String node, long takenAtMillis, long users, Map<String, Long> counters,
                              Map<String, Long> gauges, Map<String, byte[]> histograms) implements Serializable {
}
