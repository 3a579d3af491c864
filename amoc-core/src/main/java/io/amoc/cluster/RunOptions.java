package io.amoc.cluster;

import java.util.List;

/**
 * Which nodes a cluster call addresses, and the operator's comment on a run (shown in Graphite annotations).
 *
 * @param nodes   node names; empty = all nodes
 * @param comment free text, "" when none
 */
public record RunOptions(List<String> nodes, String comment) {

    public RunOptions {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        comment = comment == null ? "" : comment;
    }

    /** Every node, no comment. */
    public static RunOptions all() {
        return new RunOptions(List.of(), "");
    }

    /** These nodes, no comment. */
    public static RunOptions nodes(List<String> nodes) {
        return new RunOptions(nodes, "");
    }
}
