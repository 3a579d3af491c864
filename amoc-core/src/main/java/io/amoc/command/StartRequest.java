package io.amoc.command;

import io.amoc.cluster.RunOptions;

import java.util.List;

/**
 * Start a run: compile {@code scenario}, run its {@code init} on each node, then users {@code from..to}.
 *
 * @param scenario the scenario's simple class name
 * @param from     the first user id (1 or more)
 * @param to       the last user id, {@code from} or more
 * @param nodes    the nodes to run on, by name; empty = all
 * @param comment  the operator's note on the run (shown in Graphite annotations), "" for none
 */
public record StartRequest(String scenario, long from, long to, List<String> nodes, String comment) {

    public StartRequest {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        comment = comment == null ? "" : comment;
    }

    /** Users {@code from..to} of {@code scenario} on every node, no comment. */
    public static StartRequest of(String scenario, long from, long to) {
        return new StartRequest(scenario, from, to, List.of(), "");
    }

    RunOptions options() {
        return new RunOptions(nodes, comment);
    }
}
