package io.amoc.command;

import io.amoc.cluster.RunOptions;

import java.util.List;

/**
 * Add {@code count} users in all, continuing after the highest id given out, round-robin over the nodes.
 *
 * @param count how many (1 or more)
 * @param nodes the nodes to add them on, by name; empty = all
 */
public record AddRequest(long count, List<String> nodes) {

    public AddRequest {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    /** {@code count} users over every node. */
    public static AddRequest of(long count) {
        return new AddRequest(count, List.of());
    }

    RunOptions options() {
        return RunOptions.nodes(nodes);
    }
}
