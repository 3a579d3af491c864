package io.amoc.shell.command;

import io.amoc.cluster.ClusterResult;
import io.amoc.command.AddRequest;
import io.amoc.command.RemoveRequest;
import io.amoc.command.RunControl;
import io.amoc.command.RunStarted;
import io.amoc.command.RunStopped;
import io.amoc.command.StartRequest;
import io.amoc.command.Target;
import io.amoc.engine.NodeStatus;
import io.amoc.shell.language.ArgTypes;
import io.amoc.shell.language.Args;
import io.amoc.shell.language.Command;
import io.amoc.shell.language.Param;
import io.amoc.shell.language.Reply;
import io.amoc.shell.render.ClusterResults;
import io.amoc.shell.render.RunSummaryView;
import io.amoc.shell.render.RunView;
import io.amoc.shell.render.StatusView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code local.do}, {@code local.add}, {@code local.remove}, {@code local.stop} and {@code status}, and the same verbs
 * of {@code dist.*}: each parses its arguments, calls one operation of the target's {@link RunControl}, and renders
 * the per-node answer. The distributed ones also take {@code nodes=[...]} (and {@code dist.do} a comment).
 */
public final class RunCommands {

    private static final Param NODES = Param.optional("nodes", ArgTypes.NAMES, List.of());

    private RunCommands() {
    }

    public static List<Command> of(RunControl run) {
        Target target = run.target();
        boolean dist = target == Target.DIST;
        List<Param> start = new ArrayList<>(List.of(Param.required("scenario", ArgTypes.SCENARIO),
                Param.required("from", ArgTypes.USER_ID), Param.required("to", ArgTypes.USER_ID)));
        List<Param> add = new ArrayList<>(List.of(Param.required("count", ArgTypes.COUNT)));
        List<Param> remove = new ArrayList<>(List.of(Param.required("count", ArgTypes.COUNT),
                Param.optional("force", ArgTypes.BOOLEAN, false)));
        if (dist) {
            start.addAll(List.of(NODES, Param.optional("comment", ArgTypes.TEXT, "")));
            add.add(NODES);
            remove.add(NODES);
        }
        return List.of(
                new Command(target.operation("do"), dist
                        ? "ship the scenario to the slaves, run init, split users From..To round-robin"
                        : "run the scenario's init, then start users From..To", start, args -> start(run, args)),
                new Command(target.operation("add"), dist
                        ? "add Count users in all, continuing the ids, round-robin over the slaves"
                        : "add Count users after the highest id so far", add, args -> add(run, args)),
                new Command(target.operation("remove"), dist
                        ? "remove the Count highest-id users of the cluster (force: interrupt now)"
                        : "remove the Count highest-id users (force: interrupt now)", remove, args -> remove(run, args)),
                Command.of(target.operation("stop"), dist ? "stop every slave's users, then terminate once per slave"
                        : "stop all users, then call terminate once", args -> stop(run)),
                Command.of(dist ? "dist.status" : "status", dist ? "each slave's state, scenario, users and failures"
                        : "show state, scenario, users, failures, spawning", args -> status(run)),
                new Command(dist ? "dist.wait" : "wait", "wait until the run ends (every user finished, none waiting"
                        + " to start) or Ms pass; Ctrl-C stops waiting",
                        List.of(Param.optional("timeout", ArgTypes.MILLIS_OR_INFINITY, Double.POSITIVE_INFINITY)),
                        args -> RunEndCommands.await(run, args)),
                new Command(dist ? "dist.report" : "report", "write the report of the current or last run into Dir:"
                        + " index.html, summary.json, junit.xml, timeseries.csv",
                        List.of(Param.required("dir", ArgTypes.TEXT), Param.optional("thresholds", ArgTypes.TEXTS,
                                List.of())), args -> RunEndCommands.report(run, args)));
    }

    private static Reply start(RunControl run, Args args) throws Exception {
        StartRequest request = new StartRequest(args.text("scenario"), args.number("from"), args.number("to"),
                nodes(args), args.value("comment") == null ? "" : args.text("comment"));
        RunStarted started = run.start(request, Map.of(), (scenario, elapsed) -> args.progress(
                RunView.initRunning(run.target().operation("do"), scenario, elapsed)));
        return ClusterResults.reply(started.nodes(), nothing -> RunView.started(started, run.target()));
    }

    private static Reply add(RunControl run, Args args) throws Exception {
        return ClusterResults.reply(run.add(new AddRequest(args.number("count"), nodes(args))), RunView::added);
    }

    private static Reply remove(RunControl run, Args args) throws Exception {
        boolean force = args.flag("force");
        return ClusterResults.reply(run.remove(new RemoveRequest(args.number("count"), force, nodes(args))),
                report -> RunView.removed(report, force, run.target()));
    }

    private static Reply stop(RunControl run) throws Exception {
        RunStopped stopped = run.stop();
        Reply reply = ClusterResults.reply(stopped.nodes(), nothing -> "stopped");
        return stopped.summary().map(summary -> new Reply(reply.ok(), reply.text() + "\n"
                + RunSummaryView.render(summary))).orElse(reply);
    }

    private static Reply status(RunControl run) throws Exception {
        ClusterResult<NodeStatus> statuses = run.status();
        String table = StatusView.render(statuses);
        return Reply.ok(run.target() == Target.DIST ? table + "\n" + RunView.totals(statuses) : table);
    }

    @SuppressWarnings("unchecked")
    private static List<String> nodes(Args args) {
        Object nodes = args.value("nodes");
        return nodes == null ? List.of() : (List<String>) nodes;
    }
}
