package io.amoc.shell.command;

import io.amoc.command.ClusterMetrics;
import io.amoc.command.CommandException;
import io.amoc.command.RunControl;
import io.amoc.shell.language.Command;
import io.amoc.shell.language.Reply;
import io.amoc.shell.render.FailuresView;
import io.amoc.shell.render.MetricsView;
import io.amoc.shell.render.WatchFrame;
import org.jline.terminal.Terminal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code metrics}, {@code watch}, {@code dist.metrics} and {@code dist.watch}: the targets' metrics from the command
 * layer, rendered as tables or redrawn live on the console's terminal; {@code failures} and {@code dist.failures}: the
 * failed users grouped by cause.
 */
public final class MetricsCommands {

    /** How often {@code watch} redraws. */
    public static final Duration REFRESH = Duration.ofSeconds(1);

    /** One sample of a target's metrics. */
    @FunctionalInterface
    interface Sampler {
        ClusterMetrics sample() throws CommandException;
    }

    private MetricsCommands() {
    }

    public static List<Command> of(RunControl local, RunControl dist) {
        return List.of(
                Command.of("metrics", "this node's counters (count, rate) and times (p50/p95/p99/max)",
                        args -> Reply.ok(MetricsView.render(local.metrics()))),
                Command.of("watch", "live view of this node every second until a key is pressed",
                        args -> watch(local::metrics)),
                Command.of("dist.metrics", "the slaves' metrics merged: counters summed, histograms merged",
                        args -> distMetrics(dist.metrics())),
                Command.of("dist.watch", "live view of the slaves merged, every second until a key is pressed",
                        args -> watch(dist::metrics)),
                Command.of("failures", "this node's failed users grouped by cause: count, first and last, a stack trace",
                        args -> Reply.ok(FailuresView.render(local.failures()))),
                Command.of("dist.failures", "the slaves' failed users grouped by cause (the same cause on two slaves"
                        + " is one group)", args -> Reply.ok(FailuresView.render(dist.failures()))));
    }

    private static Reply distMetrics(ClusterMetrics metrics) {
        return Reply.ok(MetricsView.renderCluster(metrics));
    }

    /** Live on the console's terminal; elsewhere (a script, an attached client) one frame over one refresh. */
    private static Reply watch(Sampler source) throws CommandException, InterruptedException, IOException {
        ClusterMetrics first = source.sample();
        Optional<Terminal> terminal = ConsoleTerminal.current();
        if (terminal.isPresent()) {
            WatchLoop.run(terminal.get(), first, source, REFRESH);
            return Reply.ok("");
        }
        Thread.sleep(REFRESH.toMillis());
        ClusterMetrics second = source.sample();
        return Reply.ok(WatchFrame.render(first.snapshot(), second.snapshot(), footer(second,
                "one frame: watch redraws only in an interactive console (in scripts use metrics)")));
    }

    static String footer(ClusterMetrics sample, String note) {
        String missing = MetricsView.missing(sample);
        return missing.isEmpty() ? note : missing + "\n" + note;
    }
}
