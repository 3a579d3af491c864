package io.amoc.command;

import io.amoc.metrics.MetricsSnapshot;
import io.amoc.report.NodeRecord;
import io.amoc.report.RecordedRun;

import java.time.Duration;
import java.util.List;

/**
 * What happened during a run, taken just before it stopped: the same figures as its report's {@code summary.json}.
 *
 * @param run     the counters and histograms since the start (users as at the stop), one node's or the cluster's
 *                merged; a node that left counts with what it last sent
 * @param elapsed how long the run lasted
 * @param nodes   every node that took part, in the order first seen; those that left before the stop are marked
 */
public record RunSummary(MetricsSnapshot run, Duration elapsed, List<NodeRecord> nodes) {

    public RunSummary {
        nodes = List.copyOf(nodes);
    }

    /** The summary of a recorded run. */
    static RunSummary of(RecordedRun recorded) {
        return new RunSummary(recorded.merged(), Duration.ofMillis(recorded.millis()), recorded.nodes());
    }

    /** The nodes that stopped answering before the stop. */
    public List<NodeRecord> left() {
        return nodes.stream().filter(NodeRecord::left).toList();
    }
}
