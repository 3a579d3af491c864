package io.amoc.shell.command;

import io.amoc.command.ReportRequest;
import io.amoc.command.RunControl;
import io.amoc.command.RunWait;
import io.amoc.command.WrittenReport;
import io.amoc.engine.NodeState;
import io.amoc.shell.language.Args;
import io.amoc.shell.language.Reply;
import io.amoc.shell.render.LoadTestView;
import io.amoc.shell.render.VerdictView;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code wait} and {@code report} (and {@code dist.*}): the end of a run, and its report, from the command layer. */
final class RunEndCommands {

    private RunEndCommands() {
    }

    static Reply await(RunControl run, Args args) throws Exception {
        long timeout = args.value("timeout") instanceof Long millis ? millis : Long.MAX_VALUE;
        RunWait wait = run.awaitEnd(Duration.ofMillis(timeout));
        String label = run.target().label();
        String missing = wait.statuses().failedNodes().isEmpty() ? ""
                : "; no answer from " + String.join(", ", wait.statuses().failedNodes());
        boolean neverStarted = !wait.statuses().values().isEmpty() && wait.statuses().values().values().stream()
                .allMatch(status -> status.state() == NodeState.IDLE);
        if (neverStarted) {
            return Reply.ok(label + ": no run has started: nothing to wait for (start one with "
                    + run.target().operation("do") + "(Name, From, To))" + missing);
        }
        if (wait.ended()) {
            return Reply.ok(label + ": the run has ended: no user runs and none waits to start" + missing);
        }
        return Reply.ok(label + ": still running after " + timeout + " ms: " + wait.usersAlive() + " users alive, "
                + wait.pending() + " waiting to start" + missing);
    }

    @SuppressWarnings("unchecked")
    static Reply report(RunControl run, Args args) throws Exception {
        List<String> thresholds = (List<String>) args.value("thresholds");
        WrittenReport report = run.report(new ReportRequest(Path.of(args.text("dir")), thresholds));
        return Reply.ok(LoadTestView.report(report) + "\n" + VerdictView.render(report.verdict(), Map.of(),
                thresholds.isEmpty()));
    }
}
