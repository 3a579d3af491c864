package io.amoc.shell.command;

import io.amoc.cluster.NodeView;
import io.amoc.command.SlaveDirectory;
import io.amoc.shell.language.ArgTypes;
import io.amoc.shell.language.Command;
import io.amoc.shell.language.Param;
import io.amoc.shell.language.Reply;
import io.amoc.shell.render.NodesView;

import java.time.Instant;
import java.util.List;

/** {@code dist.connect}, {@code dist.disconnect} and {@code nodes}: the master's slaves, over {@link SlaveDirectory}. */
public final class NodeCommands {

    private NodeCommands() {
    }

    public static List<Command> of(SlaveDirectory slaves) {
        return List.of(
                new Command("dist.connect", "add a slave (\"host:port\") at the end of the node order",
                        List.of(Param.required("address", ArgTypes.TEXT)), args -> connect(slaves, args.text("address"))),
                new Command("dist.disconnect", "stop using a slave (\"host:port\")",
                        List.of(Param.required("address", ArgTypes.TEXT)), args -> {
                            slaves.disconnect(args.text("address"));
                            return Reply.ok("disconnected " + args.text("address")
                                    + ": its users stop after its master_silence_timeout");
                        }),
                Command.of("nodes", "the slaves: up or down, last seen, state and users", args -> nodes(slaves)));
    }

    private static Reply connect(SlaveDirectory slaves, String address) throws Exception {
        NodeView view = slaves.connect(address);
        return view.up() ? Reply.ok(NodesView.connected(view))
                : Reply.error("error: " + view.node() + " was added but is down ("
                + view.problem().orElse("no answer") + "); it is used as soon as it answers (see nodes)");
    }

    private static Reply nodes(SlaveDirectory slaves) throws Exception {
        List<NodeView> views = slaves.nodes();
        return Reply.ok(views.isEmpty() ? "no slaves: connect one with dist.connect(\"host:port\") or set config hosts"
                : NodesView.render(views, Instant.now()));
    }
}
