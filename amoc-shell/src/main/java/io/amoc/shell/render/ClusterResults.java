package io.amoc.shell.render;

import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.NodeResult;
import io.amoc.shell.language.Reply;

import java.util.Map;
import java.util.function.Function;

/**
 * Shows what every node answered: one line {@code node: result} for a cluster of one, else a table
 * {@code node | result}. The reply fails when any node failed; the nodes that succeeded are still shown.
 */
public final class ClusterResults {

    /** Starts the text of every failed reply. */
    public static final String ERROR_PREFIX = Reply.ERROR_PREFIX;

    private ClusterResults() {
    }

    /** The reply for {@code result}, with {@code ok} describing a node's successful answer. */
    public static <T> Reply reply(ClusterResult<T> result, Function<T, String> ok) {
        if (result.byNode().isEmpty()) {
            return Reply.error(ERROR_PREFIX + "no node was addressed: check the node names (type nodes or status)");
        }
        String text = result.byNode().size() == 1 ? line(result, ok) : table(result, ok);
        return result.allOk() ? Reply.ok(text) : Reply.error(ERROR_PREFIX + text);
    }

    /** The table {@code node | result}, one row per node in node order. */
    public static <T> String table(ClusterResult<T> result, Function<T, String> ok) {
        Table table = new Table("node", "result");
        result.byNode().forEach((node, answer) -> table.row(node, describe(answer, ok)));
        String failed = result.allOk() ? "" : "\n" + result.failedNodes().size() + " of " + result.byNode().size()
                + " nodes failed: " + String.join(", ", result.failedNodes());
        return table.render() + failed;
    }

    private static <T> String line(ClusterResult<T> result, Function<T, String> ok) {
        Map.Entry<String, NodeResult<T>> only = result.byNode().entrySet().iterator().next();
        return only.getValue() instanceof NodeResult.Failed<T> failed ? failed.reason()
                : only.getKey() + ": " + describe(only.getValue(), ok);
    }

    private static <T> String describe(NodeResult<T> answer, Function<T, String> ok) {
        return switch (answer) {
            case NodeResult.Ok<T> done -> ok.apply(done.value());
            case NodeResult.Failed<T> failed -> "failed: " + failed.reason();
        };
    }
}
