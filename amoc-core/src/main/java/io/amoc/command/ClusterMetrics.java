package io.amoc.command;

import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.NodeResult;
import io.amoc.metrics.MergedMetrics;
import io.amoc.metrics.MetricsSnapshot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of a target at one moment: its nodes' snapshots merged (counters summed, histograms merged; a single
 * node keeps its own name), how many answered, and why the others did not.
 *
 * @param snapshot the merged snapshot
 * @param answered how many nodes answered
 * @param failed   node name to the one-line reason it gave no metrics, in node order
 * @param lastMinuteRan how much of the last minute the current (or last) run ran: the time the counters'
 *                 last-minute counts cover, so their rate is the count divided by it (a run a few seconds old has
 *                 only a few seconds of events)
 */
public record ClusterMetrics(MetricsSnapshot snapshot, int answered, Map<String, String> failed,
                             Duration lastMinuteRan) {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    public ClusterMetrics {
        failed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failed));
    }

    /** Metrics whose last-minute counts cover a whole minute. */
    public ClusterMetrics(MetricsSnapshot snapshot, int answered, Map<String, String> failed) {
        this(snapshot, answered, failed, MINUTE);
    }

    /** The same metrics, their last-minute counts covering {@code lastMinuteRan}. */
    public ClusterMetrics ranFor(Duration lastMinuteRan) {
        return new ClusterMetrics(snapshot, answered, failed, lastMinuteRan);
    }

    /** The nodes' answers merged. */
    public static ClusterMetrics of(ClusterResult<MetricsSnapshot> result) {
        List<MetricsSnapshot> answers = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        result.byNode().forEach((node, answer) -> {
            switch (answer) {
                case NodeResult.Ok<MetricsSnapshot> ok -> answers.add(ok.value());
                case NodeResult.Failed<MetricsSnapshot> no -> failed.put(node, no.reason());
            }
        });
        MetricsSnapshot merged = answers.size() == 1 && failed.isEmpty() ? answers.get(0) : MergedMetrics.of(answers);
        return new ClusterMetrics(merged, answers.size(), failed);
    }
}
