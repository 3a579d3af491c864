package io.amoc.cluster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of every addressed node, in node order. One failing node never hides the others.
 *
 * @param byNode node name to its result
 */
public record ClusterResult<T>(Map<String, NodeResult<T>> byNode) {

    public ClusterResult {
        byNode = Collections.unmodifiableMap(new LinkedHashMap<>(byNode));
    }

    /** True when every node answered ok (also when no node was addressed). */
    public boolean allOk() {
        return byNode.values().stream().allMatch(NodeResult::ok);
    }

    /** The names of the nodes that failed, in node order. */
    public List<String> failedNodes() {
        return byNode.entrySet().stream().filter(e -> !e.getValue().ok()).map(Map.Entry::getKey).toList();
    }

    /** The values of the nodes that answered ok, by node, in node order. */
    public Map<String, T> values() {
        Map<String, T> values = new LinkedHashMap<>();
        byNode.forEach((node, result) -> {
            if (result instanceof NodeResult.Ok<T> ok) {
                values.put(node, ok.value());
            }
        });
        return values;
    }
}
