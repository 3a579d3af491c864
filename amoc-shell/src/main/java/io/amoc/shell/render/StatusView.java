package io.amoc.shell.render;

import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.NodeResult;
import io.amoc.engine.NodeStatus;

/**
 * The {@code status} table: per node its state ({@code running}, {@code failed(reason)}, ...), the scenario and
 * its short SHA, users alive, the highest id, failures, and spawn progress (spawned / requested, pending).
 */
public final class StatusView {

    /** Characters of a scenario version's SHA-256 shown. */
    public static final int SHORT_SHA = 8;

    private StatusView() {
    }

    public static String render(ClusterResult<NodeStatus> statuses) {
        Table table = new Table("node", "state", "scenario", "users", "highest id", "failures", "spawned", "pending");
        statuses.byNode().forEach((node, result) -> {
            switch (result) {
                case NodeResult.Ok<NodeStatus> ok -> row(table, ok.value());
                case NodeResult.Failed<NodeStatus> failed ->
                        table.row(node, "down(" + failed.reason() + ")", "-", "-", "-", "-", "-", "-");
            }
        });
        return table.render();
    }

    private static void row(Table table, NodeStatus s) {
        table.row(s.node(), s.stateLabel(), scenario(s), s.usersAlive(), s.highestId(), s.failures(),
                s.spawned() + "/" + (s.spawned() + s.pending()), s.pending());
    }

    /** {@code Name@1a2b3c4d}, or {@code -} when none. */
    public static String scenario(NodeStatus s) {
        if (s.scenario() == null) {
            return "-";
        }
        return s.sha256() == null ? s.scenario() : s.scenario() + "@" + shortSha(s.sha256());
    }

    public static String shortSha(String sha256) {
        return sha256.length() <= SHORT_SHA ? sha256 : sha256.substring(0, SHORT_SHA);
    }
}
