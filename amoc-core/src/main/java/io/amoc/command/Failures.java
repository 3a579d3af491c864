package io.amoc.command;

import io.amoc.cluster.ClusterResult;
import io.amoc.engine.FailureGroup;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The failed users of a run, grouped by cause.
 *
 * @param groups every cause over all the nodes that answered (the same cause on two nodes is one group), the
 *               largest first
 * @param byNode each node's own groups, or why it could not be asked
 */
public record Failures(List<FailureGroup> groups, ClusterResult<List<FailureGroup>> byNode) {

    public Failures {
        groups = List.copyOf(groups);
    }

    /** How many users failed in all (over the nodes that answered). */
    public long total() {
        return groups.stream().mapToLong(FailureGroup::count).sum();
    }

    static Failures of(ClusterResult<List<FailureGroup>> byNode) {
        Map<String, FailureGroup> merged = new LinkedHashMap<>();
        byNode.values().values().forEach(groups -> groups.forEach(g -> merged.merge(g.cause(), g, FailureGroup::merge)));
        List<FailureGroup> largestFirst = merged.values().stream()
                .sorted(Comparator.comparingLong(FailureGroup::count).reversed()
                        .thenComparingLong(FailureGroup::firstMillis)).toList();
        return new Failures(largestFirst, byNode);
    }
}
