package io.amoc.command;

import io.amoc.cluster.RunOptions;

import java.util.List;

/**
 * Remove the {@code count} live users with the highest ids among the nodes.
 *
 * @param count how many (1 or more)
 * @param force interrupt them now (stragglers reported after the grace period) rather than after their iteration
 * @param nodes the nodes to remove them from, by name; empty = all
 */
public record RemoveRequest(long count, boolean force, List<String> nodes) {

    public RemoveRequest {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    /** {@code count} users over every node. */
    public static RemoveRequest of(long count, boolean force) {
        return new RemoveRequest(count, force, List.of());
    }

    RunOptions options() {
        return RunOptions.nodes(nodes);
    }
}
