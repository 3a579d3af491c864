package io.amoc.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Completes a cluster call's result with the members that are down: a call goes only to the members that are up,
 * but every answer names each addressed member, a down one as a failure saying since when and why.
 */
public final class DownNodes {

    private DownNodes() {
    }

    /**
     * {@code result} in member order with the down members that {@code options} addresses added as failures; a down
     * member that still answered keeps its answer, and names that are not members (unknown nodes) stay at the end.
     */
    public static <T> ClusterResult<T> added(ClusterResult<T> result, List<NodeView> members, RunOptions options,
                                             Instant now) {
        Map<String, NodeResult<T>> ordered = new LinkedHashMap<>();
        for (NodeView view : members) {
            boolean addressed = options.nodes().isEmpty() || options.nodes().contains(view.node());
            if (!addressed) {
                continue;
            }
            NodeResult<T> answer = result.byNode().get(view.node());
            if (!view.up() && (answer == null || !answer.ok())) {
                ordered.put(view.node(), new NodeResult.Failed<>(downReason(view, now)));
            } else if (answer != null) {
                ordered.put(view.node(), answer);
            }
        }
        result.byNode().forEach(ordered::putIfAbsent);
        return new ClusterResult<>(ordered);
    }

    /** {@code host:port is down (last seen 12 s ago: connection refused)}. */
    static String downReason(NodeView view, Instant now) {
        String seen = view.lastSeen().map(t -> "last seen " + Duration.between(t, now).toSeconds() + " s ago")
                .orElse("never seen");
        String unreachable = view.node() + " is unreachable: ";
        String problem = view.problem().map(p -> p.startsWith(unreachable) ? p.substring(unreachable.length()) : p)
                .map(p -> ": " + p).orElse("");
        return view.node() + " is down (" + seen + problem + ")";
    }
}
