package io.amoc.shell.command;

import io.amoc.cluster.Cluster;
import io.amoc.cluster.RunOptions;
import io.amoc.compile.ScenarioBundle;
import io.amoc.compile.ScenarioCatalog;
import io.amoc.engine.RemovalReport;
import io.amoc.shell.Reply;
import io.amoc.shell.render.ClusterResults;
import io.amoc.shell.render.StatusView;
import io.amoc.shell.render.UserIds;

import java.util.List;

/** local.do, local.add, local.remove, local.stop and status: the node inside this JVM, as a cluster of one. */
public final class LocalCommands {

    /** More users than this in one command is refused as a typo (a node holds around 100,000). */
    public static final long MAX_USERS_PER_COMMAND = 10_000_000;

    private LocalCommands() {
    }

    public static List<Command> of(ScenarioCatalog catalog, Cluster local) {
        return List.of(
                new Command("local.do", "run the scenario's init, then start users From..To",
                        List.of(Param.required("scenario", ArgTypes.SCENARIO), Param.required("from", ArgTypes.USER_ID),
                                Param.required("to", ArgTypes.USER_ID)),
                        args -> start(catalog, local, args)),
                new Command("local.add", "add Count users after the highest id so far",
                        List.of(Param.required("count", ArgTypes.COUNT)),
                        args -> add(local, checkedCount("local.add", args.number("count")))),
                new Command("local.remove", "remove the Count highest-id users (force: interrupt now)",
                        List.of(Param.required("count", ArgTypes.COUNT), Param.optional("force", ArgTypes.BOOLEAN, false)),
                        args -> remove(local, checkedCount("local.remove", args.number("count")), args.flag("force"))),
                Command.of("local.stop", "stop all users, then call terminate once",
                        args -> ClusterResults.reply(local.stop(), nothing -> "stopped")),
                Command.of("status", "show state, scenario, users, failures, spawning",
                        args -> Reply.ok(StatusView.render(local.status()))));
    }

    private static Reply start(ScenarioCatalog catalog, Cluster local, Args args) throws Exception {
        long from = args.number("from");
        long to = args.number("to");
        if (to < from) {
            throw new BadArgumentException("local.do: To (" + to + ") is below From (" + from
                    + "): users get the ids From..To, e.g. local.do(" + args.text("scenario") + ", 1, 10)");
        }
        checkedCount("local.do", to - from + 1);
        ScenarioBundle bundle = catalog.bundle(args.text("scenario"));
        return ClusterResults.reply(local.start(bundle, from, to, RunOptions.all()),
                nothing -> "started " + bundle.scenarioName() + "@" + StatusView.shortSha(bundle.sha256())
                        + ", spawning users " + from + ".." + to + " (type status to follow)");
    }

    private static Reply add(Cluster local, long count) {
        return ClusterResults.reply(local.add(count, RunOptions.all()), ids -> "adding users " + UserIds.of(ids));
    }

    private static Reply remove(Cluster local, long count, boolean force) {
        return ClusterResults.reply(local.remove(count, force, RunOptions.all()), report -> removed(report, force));
    }

    private static String removed(RemovalReport report, boolean force) {
        if (report.removed().isEmpty()) {
            return "no live users to remove";
        }
        int count = report.removed().size();
        String text = (force ? "removed " : "removing ") + (count == 1 ? "1 user (id " : count + " users (ids ")
                + UserIds.of(report.removed()) + ")" + (force ? "" : ": each ends after its current iteration");
        return report.stragglers().isEmpty() ? text
                : text + "; still alive after the grace period: " + UserIds.of(report.stragglers());
    }

    private static long checkedCount(String command, long count) throws BadArgumentException {
        if (count > MAX_USERS_PER_COMMAND) {
            throw new BadArgumentException(command + ": " + count + " users is too many for one command (at most "
                    + MAX_USERS_PER_COMMAND + "): add them in steps");
        }
        return count;
    }
}
