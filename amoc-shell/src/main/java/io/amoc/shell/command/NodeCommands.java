package io.amoc.shell.command;

import io.amoc.cluster.NodeView;
import io.amoc.cluster.TakeOver;
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
                new Command("dist.connect", "add a slave (\"host:port\") at the end of the node order"
                        + " (takeover=true: take it from the master that holds it, ending that master's run there)",
                        List.of(Param.required("address", ArgTypes.TEXT), Param.optional("takeover", ArgTypes.BOOLEAN, false)),
                        args -> args.flag("takeover") ? takeOver(slaves, args.text("address"))
                                : connect(slaves, args.text("address"))),
                new Command("dist.disconnect", "stop using a slave (\"host:port\") and release it",
                        List.of(Param.required("address", ArgTypes.TEXT)), args -> disconnect(slaves, args.text("address"))),
                Command.of("nodes", "the slaves: up or down, last seen, state and users", args -> nodes(slaves)));
    }

    private static Reply connect(SlaveDirectory slaves, String address) throws Exception {
        NodeView view = slaves.connect(address);
        return view.up() ? Reply.ok(NodesView.connected(view))
                : Reply.error("error: " + view.node() + " was added but is down ("
                + view.problem().orElse("no answer") + "); it is used as soon as it answers, and until then each dist"
                + " command names it as failed: dist.disconnect(\"" + view.node() + "\") forgets it");
    }

    private static Reply takeOver(SlaveDirectory slaves, String address) throws Exception {
        TakeOver taken = slaves.takeOver(address);
        return Reply.ok(NodesView.connected(taken.view()) + taken.previousOwner()
                .map(owner -> "; taken over from master " + owner + ", whose users there were stopped")
                .orElse("; no other master held it"));
    }

    private static Reply disconnect(SlaveDirectory slaves, String address) throws Exception {
        return Reply.ok("disconnected " + address + (slaves.disconnect(address) ? ": released, its users stopped"
                : ": it did not answer; its users stop after its master_silence_timeout"));
    }

    private static Reply nodes(SlaveDirectory slaves) throws Exception {
        List<NodeView> views = slaves.nodes();
        String table = views.isEmpty() ? "no slaves: connect one with dist.connect(\"host:port\") or set config hosts"
                : NodesView.render(views, Instant.now());
        return Reply.ok(table + slaves.warning().map(w -> "\nwarning: " + w).orElse(""));
    }
}
