package io.amoc.shell.metrics;

import io.amoc.cluster.Cluster;
import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.NodeResult;
import io.amoc.metrics.MergedMetrics;
import io.amoc.metrics.MetricsSnapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * The metrics of a cluster at one moment: its nodes' snapshots merged (a cluster of one keeps its node's name), the
 * number that answered and the ones that did not.
 */
record Sample(MetricsSnapshot snapshot, int answered, List<String> failed) {

    static Sample of(Cluster cluster) {
        return of(cluster.metrics());
    }

    static Sample of(ClusterResult<MetricsSnapshot> result) {
        List<MetricsSnapshot> answers = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        result.byNode().forEach((node, answer) -> {
            switch (answer) {
                case NodeResult.Ok<MetricsSnapshot> ok -> answers.add(ok.value());
                case NodeResult.Failed<MetricsSnapshot> no -> failed.add(node + " (" + no.reason() + ")");
            }
        });
        MetricsSnapshot merged = answers.size() == 1 && failed.isEmpty() ? answers.get(0) : MergedMetrics.of(answers);
        return new Sample(merged, answers.size(), List.copyOf(failed));
    }

    /** A line naming the nodes that did not answer, or nothing. */
    String missing() {
        return failed.isEmpty() ? "" : "no answer from " + String.join(", ", failed);
    }
}
