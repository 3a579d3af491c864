package io.amoc.report;

import io.amoc.metrics.MetricsSnapshot;

import java.util.List;

/**
 * What {@link RunRecorder} saw of a run.
 *
 * @param startMillis when recording began (epoch ms)
 * @param endMillis   when it ended
 * @param timeline    the sampling intervals, oldest first
 * @param nodes       every node that answered at least once, in the order first seen, those that left included
 * @param cluster     the whole run's figures, every node merged (nodes that left count with what they last sent)
 * @param merged      the same as metrics: counters and merged whole-run histograms (for thresholds and summaries);
 *                    users are those of the nodes still there at the end
 */
public record RecordedRun(long startMillis, long endMillis, List<Interval> timeline, List<NodeRecord> nodes,
                          Figures cluster, MetricsSnapshot merged) {

    public RecordedRun {
        timeline = List.copyOf(timeline);
        nodes = List.copyOf(nodes);
    }

    /** How long the recording lasted, in milliseconds. */
    public long millis() {
        return endMillis - startMillis;
    }

    /** The nodes that stopped answering before the end. */
    public List<NodeRecord> left() {
        return nodes.stream().filter(NodeRecord::left).toList();
    }
}
