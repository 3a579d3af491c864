package io.amoc.command;

import io.amoc.engine.UsersDropped;
import io.amoc.metrics.MetricsSnapshot;
import io.amoc.report.NodeRecord;
import io.amoc.report.RecordedRun;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened during a run, taken just before it stopped: the same figures as its report's {@code summary.json}.
 *
 * @param run     the counters and histograms since the start (users as at the stop), one node's or the cluster's
 *                merged; a node that left counts with what it last sent
 * @param elapsed how long the run lasted
 * @param nodes   every node that took part, in the order first seen; those that left before the stop are marked
 * @param dropped by node, the users a node stopped on its own during the run (a slave whose master fell silent):
 *                they are not among the users at the stop, and are counted here, in node order
 */
public record RunSummary(MetricsSnapshot run, Duration elapsed, List<NodeRecord> nodes,
                         Map<String, UsersDropped> dropped) {

    public RunSummary {
        nodes = List.copyOf(nodes);
        dropped = Collections.unmodifiableMap(new LinkedHashMap<>(dropped));
    }

    /** A run no node dropped users of. */
    public RunSummary(MetricsSnapshot run, Duration elapsed, List<NodeRecord> nodes) {
        this(run, elapsed, nodes, Map.of());
    }

    /** A run of one node that dropped no users. */
    public RunSummary(MetricsSnapshot run, Duration elapsed) {
        this(run, elapsed, List.of(), Map.of());
    }

    /** The summary of a recorded run, with the users its nodes stopped on their own. */
    static RunSummary of(RecordedRun recorded, Map<String, UsersDropped> dropped) {
        return new RunSummary(recorded.merged(), Duration.ofMillis(recorded.millis()), recorded.nodes(), dropped);
    }

    /** The nodes that stopped answering before the stop. */
    public List<NodeRecord> left() {
        return nodes.stream().filter(NodeRecord::left).toList();
    }

    /** The users the nodes stopped on their own during the run, in all. */
    public long usersDropped() {
        return dropped.values().stream().mapToLong(UsersDropped::users).sum();
    }
}
