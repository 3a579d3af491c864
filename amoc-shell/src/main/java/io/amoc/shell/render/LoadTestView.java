package io.amoc.shell.render;

import io.amoc.cluster.ClusterResult;
import io.amoc.command.LoadTestRequest;
import io.amoc.command.LoadTestResult;
import io.amoc.command.RunStarted;
import io.amoc.command.RunWait;
import io.amoc.command.Target;
import io.amoc.command.WrittenReport;
import io.amoc.engine.NodeStatus;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * What {@code bin/amoc run} prints: the start, a line every 10 s while it runs, how it ended, the run's summary,
 * the thresholds and the verdict, and where the report is.
 */
public final class LoadTestView {

    private static final double MILLIS_PER_SECOND = 1_000;

    private LoadTestView() {
    }

    /**
     * {@code run: 100 users of Chat on local, one every 50 ms on each node, until ...} and each node's answer.
     *
     * @param interarrival the milliseconds between two user starts on each node
     */
    public static String started(LoadTestRequest request, RunStarted started, long interarrival) {
        String until = request.duration().map(d -> "until every user has finished or " + RunSummaryView.exactLength(d)
                + " have passed").orElse("until every user has finished");
        long nodes = started.nodes().byNode().size();
        String pace = interarrival == 0 ? "all at once" : "one every " + interarrival + " ms on each node ("
                + Units.rate(nodes * MILLIS_PER_SECOND / interarrival) + "/s in all)";
        String answers = ClusterResults.reply(started.nodes(), nothing -> RunView.started(started, Target.DIST)).text();
        return "run: " + Units.count(request.users()) + (request.users() == 1 ? " user" : " users") + " of "
                + request.scenario() + " on " + request.target().label() + ", " + pace + ", " + until + "\n" + answers;
    }

    /** {@code 20 s: 100 users, 0 waiting to start, 2 failures} (and the overloaded nodes). */
    public static String running(Duration elapsed, ClusterResult<NodeStatus> statuses) {
        long users = statuses.values().values().stream().mapToLong(NodeStatus::usersAlive).sum();
        long pending = statuses.values().values().stream().mapToLong(NodeStatus::pending).sum();
        long failures = statuses.values().values().stream().mapToLong(NodeStatus::failures).sum();
        String overloaded = statuses.values().values().stream().filter(s -> s.overloaded() != null)
                .map(s -> s.node() + " (" + s.overloaded() + ")").collect(Collectors.joining(", "));
        String down = String.join(", ", statuses.failedNodes());
        return RunSummaryView.length(elapsed) + ": " + Units.count(users) + " users, " + Units.count(pending)
                + " waiting to start, " + Units.count(failures) + (failures == 1 ? " failure" : " failures")
                + (overloaded.isEmpty() ? "" : "; generator overloaded on " + overloaded)
                + (down.isEmpty() ? "" : "; no answer from " + down);
    }

    /** How the run ended, its summary, thresholds and verdict, and where its report is. */
    public static String result(LoadTestResult result, boolean defaultThreshold) {
        StringBuilder out = new StringBuilder();
        result.end().ifPresent(end -> out.append(ended(end, result.interrupted())).append('\n'));
        result.stopped().ifPresent(stopped -> {
            out.append(ClusterResults.reply(stopped.nodes(), nothing -> "stopped").text()).append('\n');
            stopped.summary().ifPresent(summary -> out.append(RunSummaryView.render(summary)).append('\n'));
        });
        result.report().ifPresent(report -> out.append(report(report)).append('\n'));
        return out.append(VerdictView.render(result.verdict(), result.overloaded(), defaultThreshold)).toString();
    }

    private static String ended(RunWait end, boolean interrupted) {
        if (end.ended() && !interrupted) {
            return "every user has finished after " + Units.seconds(end.waited()) + ": stopping";
        }
        return (interrupted ? "interrupted after " + Units.seconds(end.waited()) : Units.seconds(end.waited())
                + " passed") + ": stopping " + Units.count(end.usersAlive()) + " users"
                + (end.pending() == 0 ? "" : " (" + Units.count(end.pending()) + " never started)");
    }

    /** {@code report: DIR/index.html (and summary.json, junit.xml, timeseries.csv)}. */
    public static String report(WrittenReport report) {
        Path index = report.files().stream().filter(f -> f.getFileName().toString().equals("index.html")).findFirst()
                .orElse(report.files().get(0));
        String others = report.files().stream().filter(f -> !f.equals(index)).map(f -> f.getFileName().toString())
                .collect(Collectors.joining(", "));
        return "report: " + index + " (and " + others + ")"
                + (report.ended() ? "" : "; the run still runs: this is its report so far");
    }
}
