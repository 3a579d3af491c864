package io.amoc.report;

import java.util.Map;

/**
 * One sampling interval of a run.
 *
 * @param endMillis when it ended (epoch ms)
 * @param millis    how long it lasted
 * @param byNode    each node that answered, by name, to its figures in the interval
 * @param cluster   the nodes' figures merged
 */
public record Interval(long endMillis, long millis, Map<String, Figures> byNode, Figures cluster) {

    public Interval {
        byNode = Map.copyOf(byNode);
    }
}
