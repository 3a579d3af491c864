package io.amoc.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes a call addresses: all of them, or those named in {@link RunOptions#nodes()} (in the cluster's order).
 * Names that match no node become failures of their own.
 */
record NodeSelection(List<NodeHandle> handles, Map<String, NodeResult.Failed<?>> unknownNames) {

    static NodeSelection of(List<NodeHandle> all, RunOptions options) {
        if (options.nodes().isEmpty()) {
            return new NodeSelection(List.copyOf(all), Map.of());
        }
        List<String> known = all.stream().map(NodeHandle::name).toList();
        List<NodeHandle> chosen = new ArrayList<>();
        for (NodeHandle node : all) {
            if (options.nodes().contains(node.name())) {
                chosen.add(node);
            }
        }
        Map<String, NodeResult.Failed<?>> unknown = new LinkedHashMap<>();
        for (String name : options.nodes()) {
            if (!known.contains(name)) {
                unknown.put(name, new NodeResult.Failed<>("unknown node " + name + ": known are "
                        + (known.isEmpty() ? "none" : String.join(", ", known)) + " (type 'nodes' to list them)"));
            }
        }
        return new NodeSelection(chosen, unknown);
    }

    /** The unknown names as failures of a call's result type. */
    @SuppressWarnings("unchecked")
    <T> Map<String, NodeResult<T>> unknown() {
        Map<String, NodeResult<T>> failures = new LinkedHashMap<>();
        unknownNames.forEach((name, failed) -> failures.put(name, (NodeResult<T>) failed));
        return failures;
    }

    <T> ClusterResult<T> withUnknown(ClusterResult<T> result) {
        Map<String, NodeResult<T>> all = new LinkedHashMap<>(result.byNode());
        all.putAll(unknown());
        return new ClusterResult<>(all);
    }
}
