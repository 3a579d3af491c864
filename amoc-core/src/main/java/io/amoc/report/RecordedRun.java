package io.amoc.report;

import java.util.List;

/**
 * What {@link RunRecorder} saw of a run.
 *
 * @param startMillis when recording began (epoch ms)
 * @param endMillis   when it ended
 * @param timeline    the sampling intervals, oldest first
 * @param nodes       every node that answered at least once, in the order first seen, those that left included
 * @param cluster     the whole run's figures, every node merged (nodes that left count with what they last sent)
 */
public record RecordedRun(long startMillis, long endMillis, List<Interval> timeline, List<NodeRecord> nodes,
                          Figures cluster) {

    public RecordedRun {
        timeline = List.copyOf(timeline);
        nodes = List.copyOf(nodes);
    }
}
