package io.amoc.shell.command;

import io.amoc.cluster.ClusterResult;
import io.amoc.command.RunControl;
import io.amoc.command.Settings;
import io.amoc.logs.RecentLines;
import io.amoc.shell.language.ArgTypes;
import io.amoc.shell.language.Command;
import io.amoc.shell.language.Param;
import io.amoc.shell.language.Reply;
import io.amoc.shell.render.ClusterResults;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code log.level(logger, level)} on every node, and the last lines a node logged: {@code local.logs(lines)} (the
 * master's own JVM, e.g. a daemon's, from an attached shell) and {@code dist.logs(node, lines)} (a slave's).
 */
public final class LogCommands {

    private static final long DEFAULT_LINES = 50;

    private LogCommands() {
    }

    public static List<Command> of(Settings settings, RunControl local, RunControl dist) {
        Param lines = Param.optional("lines", ArgTypes.COUNT, DEFAULT_LINES);
        return List.of(
                new Command("log.level", "set a logger's level on the master and every slave (trace, debug, info,"
                        + " warn, error, off); e.g. log.level(GroupChat, debug), log.level(root, warn)",
                        List.of(Param.required("logger", ArgTypes.TEXT), Param.required("level", ArgTypes.TEXT)),
                        args -> Reply.ok(args.text("logger") + " logs at " + settings.setLogLevel(args.text("logger"),
                                args.text("level")).value() + " on every node")),
                new Command("local.logs", "the last lines this JVM logged (at most " + RecentLines.KEPT + ")",
                        List.of(lines), args -> logs(local, List.of(), args.number("lines"))),
                new Command("dist.logs", "the last lines a slave logged (\"host:port\", at most " + RecentLines.KEPT
                        + ")", List.of(Param.required("node", ArgTypes.TEXT), lines),
                        args -> logs(dist, List.of(args.text("node")), args.number("lines"))));
    }

    private static Reply logs(RunControl run, List<String> nodes, long lines) throws Exception {
        ClusterResult<List<String>> recent = run.recentLogLines((int) Math.min(lines, Integer.MAX_VALUE), nodes);
        Reply reply = ClusterResults.reply(recent, LogCommands::text);
        if (!reply.ok() || recent.byNode().size() != 1) {
            return reply;
        }
        return Reply.ok(text(recent.values().values().iterator().next()));
    }

    private static String text(List<String> lines) {
        return lines.isEmpty() ? "(nothing logged yet)" : lines.stream().collect(Collectors.joining("\n"));
    }
}
