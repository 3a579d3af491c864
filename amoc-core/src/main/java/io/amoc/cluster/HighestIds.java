package io.amoc.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Picks the {@code count} highest ids cluster-wide from each node's highest live ids. */
final class HighestIds {

    private record NodeId(String node, long id) {
    }

    private HighestIds() {
    }

    static Map<String, long[]> choose(Map<String, long[]> liveByNode, long count) {
        List<NodeId> all = new ArrayList<>();
        liveByNode.forEach((node, ids) -> {
            for (long id : ids) {
                all.add(new NodeId(node, id));
            }
        });
        all.sort(Comparator.comparingLong(NodeId::id).reversed());
        Map<String, List<Long>> chosen = new LinkedHashMap<>();
        all.stream().limit(count).forEach(n -> chosen.computeIfAbsent(n.node(), k -> new ArrayList<>()).add(n.id()));
        Map<String, long[]> result = new LinkedHashMap<>();
        chosen.forEach((node, ids) -> result.put(node, ids.stream().mapToLong(Long::longValue).toArray()));
        return result;
    }
}
