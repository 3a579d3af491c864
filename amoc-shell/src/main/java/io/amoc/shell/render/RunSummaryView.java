package io.amoc.shell.render;

import io.amoc.command.RunSummary;
import io.amoc.metrics.MergedMetrics;
import io.amoc.metrics.MetricsSnapshot;

import java.time.Duration;

/** The summary printed when a run stops: its length, users at the end, counters and time percentiles of the run. */
public final class RunSummaryView {

    private static final long SECONDS_PER_MINUTE = 60;
    private static final double MILLIS_PER_SECOND = 1000;

    private RunSummaryView() {
    }

    /**
     * @param run     what happened during the run ({@link MergedMetrics#since}), taken just before the stop
     * @param elapsed how long the run lasted
     */
    public static String render(MetricsSnapshot run, Duration elapsed) {
        return render(new RunSummary(run, elapsed));
    }

    /** The summary, with the users that nodes stopped on their own during the run, one line per node. */
    public static String render(RunSummary summary) {
        MetricsSnapshot run = summary.run();
        Duration elapsed = summary.elapsed();
        double seconds = Math.max(1, elapsed.toMillis()) / MILLIS_PER_SECOND;
        Columns counters = new Columns("counter", "count", "rate/s");
        run.counters().forEach((name, count) -> counters.row(name, Units.count(count), Units.rate(count / seconds)));
        StringBuilder dropped = new StringBuilder();
        if (summary.usersDropped() > 0) {
            dropped.append("; stopped before, by their node: ").append(Units.count(summary.usersDropped()));
            summary.dropped().forEach((node, d) -> dropped.append('\n').append(node).append(": ")
                    .append(StatusView.dropped(d)));
        }
        return "run summary (" + run.node() + ", " + length(elapsed) + "): users at the stop "
                + Units.count(run.users()) + dropped + "\n"
                + counters.render(MetricsView.WIDTH - counters.numbersWidth()) + "\n"
                + MetricsView.times("time (the run)", MergedMetrics.histograms(run), 0);
    }

    static String length(Duration elapsed) {
        long total = elapsed.toSeconds();
        return total < SECONDS_PER_MINUTE ? total + " s"
                : (total / SECONDS_PER_MINUTE) + " min " + (total % SECONDS_PER_MINUTE) + " s";
    }
}
