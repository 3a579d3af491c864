package io.amoc.shell.render;

import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.NodeResult;
import io.amoc.engine.NodeStatus;
import io.amoc.engine.UsersDropped;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code status} table: per node its state ({@code running}, {@code failed(reason)}, ...), the scenario and
 * its short SHA, users alive, the highest id, failures, spawn progress (spawned / requested, pending), and whether
 * its load generator is {@code ok} or {@code overloaded}. Below it, per node, what the table has no room for: a long
 * failure, why the generator is overloaded, stragglers, users the node stopped on its own.
 */
public final class StatusView {

    /** Characters of a scenario version's SHA-256 shown. */
    public static final int SHORT_SHA = 8;
    /** Longer states ({@code failed(long reason)}) are shown in full below the table, not in it. */
    private static final int MAX_STATE_IN_TABLE = 24;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private StatusView() {
    }

    public static String render(ClusterResult<NodeStatus> statuses) {
        Table table = new Table("node", "state", "scenario", "users", "highest id", "failures", "spawned", "pending",
                "generator");
        StringBuilder notes = new StringBuilder();
        statuses.byNode().forEach((node, result) -> {
            switch (result) {
                case NodeResult.Ok<NodeStatus> ok -> row(table, ok.value(), notes);
                case NodeResult.Failed<NodeStatus> failed -> {
                    table.row(node, "down", "-", "-", "-", "-", "-", "-", "-");
                    notes.append('\n').append(node).append(": down(").append(failed.reason()).append(')');
                }
            }
        });
        return table.render() + notes;
    }

    private static void row(Table table, NodeStatus s, StringBuilder notes) {
        String state = s.stateLabel();
        if (state.length() > MAX_STATE_IN_TABLE) {
            notes.append('\n').append(s.node()).append(": ").append(state);
            state = s.state().label();
        }
        table.row(s.node(), state, scenario(s), s.usersAlive(), s.highestId(), s.failures(),
                s.spawned() + "/" + (s.spawned() + s.pending()), s.pending(), generator(s));
        overloadNote(s).ifPresent(note -> notes.append('\n').append(note));
        notes(s).forEach(note -> notes.append('\n').append(s.node()).append(": ").append(note));
    }

    /** What a node's row cannot show: its stragglers, and the users it stopped on its own; one line each. */
    public static List<String> notes(NodeStatus s) {
        List<String> notes = new ArrayList<>();
        if (s.stragglers() > 0) {
            notes.add(s.stragglers() + (s.stragglers() == 1 ? " straggler: a user" : " stragglers: users")
                    + " stopped by force and still alive after the grace period (they ignore interruption);"
                    + " a new run here waits for them");
        }
        if (s.dropped() != null) {
            notes.add(dropped(s.dropped()));
        }
        return notes;
    }

    /** {@code stopped its 500 users of Chat at 12:03:04: no heartbeat for 30 s}. */
    public static String dropped(UsersDropped dropped) {
        return "stopped its " + dropped.users() + (dropped.users() == 1 ? " user" : " users") + " of "
                + dropped.scenario() + " at " + CLOCK.format(Instant.ofEpochMilli(dropped.atMillis())
                .atZone(ZoneId.systemDefault())) + ": " + dropped.reason();
    }

    /** {@code ok} or {@code overloaded}: the node's load generator now. */
    public static String generator(NodeStatus s) {
        return s.overloaded() == null ? "ok" : "overloaded";
    }

    /** {@code node: generator overloaded: why; ...} when the node's generator is overloaded. */
    public static java.util.Optional<String> overloadNote(NodeStatus s) {
        return java.util.Optional.ofNullable(s.overloaded()).map(why -> s.node() + ": generator overloaded: " + why
                + "; its figures may show the generator, not the server");
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
