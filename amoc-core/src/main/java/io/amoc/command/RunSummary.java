package io.amoc.command;

import io.amoc.engine.UsersDropped;
import io.amoc.metrics.MetricsSnapshot;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What happened during a run, taken just before it stopped.
 *
 * @param run     the counters and histograms since the start (users as at the stop), one node's or the cluster's
 * @param elapsed how long the run lasted
 * @param dropped by node, the users a node stopped on its own during the run (a slave whose master fell silent):
 *                they are not among the users at the stop, and are counted here, in node order
 */
public record RunSummary(MetricsSnapshot run, Duration elapsed, Map<String, UsersDropped> dropped) {

    public RunSummary {
        dropped = Collections.unmodifiableMap(new LinkedHashMap<>(dropped));
    }

    /** A run no node dropped users of. */
    public RunSummary(MetricsSnapshot run, Duration elapsed) {
        this(run, elapsed, Map.of());
    }

    /** The users the nodes stopped on their own during the run, in all. */
    public long usersDropped() {
        return dropped.values().stream().mapToLong(UsersDropped::users).sum();
    }
}
