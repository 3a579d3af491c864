package io.amoc.shell.render;

import io.amoc.cluster.NodeView;
import io.amoc.engine.NodeStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The {@code nodes} table: each slave, up or down, when it last answered, its state, users and load generator;
 * below it, its problems, an overloaded generator and the users it stopped on its own.
 */
public final class NodesView {

    private static final double MILLIS_PER_SECOND = 1000.0;

    private NodesView() {
    }

    public static String render(List<NodeView> views, Instant now) {
        Table table = new Table("node", "up/down", "last seen", "state", "scenario", "users", "generator");
        StringBuilder notes = new StringBuilder();
        for (NodeView view : views) {
            NodeStatus status = view.lastStatus().orElse(null);
            table.row(view.node(), view.liveness().label(), lastSeen(view, now),
                    status == null ? "-" : status.state().label(),
                    status == null || status.scenario() == null ? "-" : status.scenario(),
                    status == null ? "-" : Long.toString(status.usersAlive()),
                    status == null ? "-" : StatusView.generator(status));
            view.problem().ifPresent(p -> notes.append('\n').append(view.node()).append(": ").append(withoutNode(view, p)));
            if (status != null && status.dropped() != null) {
                notes.append('\n').append(view.node()).append(": ").append(StatusView.dropped(status.dropped()));
            }
            if (status != null && view.up()) {
                StatusView.overloadNote(status.named(view.node())).ifPresent(n -> notes.append('\n').append(n));
            }
        }
        return table.render() + notes;
    }

    /** The problem without a leading "node is unreachable: ", which the row already names. */
    private static String withoutNode(NodeView view, String problem) {
        String prefix = view.node() + " is unreachable: ";
        return problem.startsWith(prefix) ? problem.substring(prefix.length()) : problem;
    }

    /** {@code connected host:port: up (idle)}. */
    public static String connected(NodeView view) {
        return "connected " + view.node() + ": " + view.liveness().label()
                + view.lastStatus().map(s -> " (" + s.stateLabel() + ")").orElse("");
    }

    static String lastSeen(NodeView view, Instant now) {
        return view.lastSeen().map(t -> {
            Duration ago = Duration.between(t, now);
            return ago.isNegative() ? "now" : String.format(Locale.ROOT, "%.1f s ago", ago.toMillis() / MILLIS_PER_SECOND);
        }).orElse("never");
    }
}
