package io.amoc.shell.render;

import io.amoc.command.RunSummary;
import io.amoc.metrics.MergedMetrics;
import io.amoc.metrics.MetricsSnapshot;
import io.amoc.report.NodeRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/**
 * The summary printed when a run stops: its length, users at the end, counters and time percentiles of the run, and
 * the nodes that left during it (their figures count up to their last answer).
 */
public final class RunSummaryView {

    private static final long SECONDS_PER_MINUTE = 60;
    private static final double MILLIS_PER_SECOND = 1000;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private RunSummaryView() {
    }

    private static String left(NodeRecord node) {
        return node.node() + " last answered at " + CLOCK.format(Instant.ofEpochMilli(node.lastMillis()))
                + (node.leftReason() == null ? "" : " (" + node.leftReason() + ")");
    }

    /**
     * @param run     what happened during the run ({@link MergedMetrics#since}), taken just before the stop
     * @param elapsed how long the run lasted
     */
    public static String render(MetricsSnapshot run, Duration elapsed) {
        return render(new RunSummary(run, elapsed));
    }

    /**
     * A stopped run's summary: the users that nodes stopped on their own during the run, one line per node, and a
     * line for the nodes that left during it.
     */
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
        String text = "run summary (" + run.node() + ", " + exactLength(elapsed) + "): users at the stop "
                + Units.count(run.users()) + dropped + "\n"
                + counters.render(MetricsView.WIDTH - counters.numbersWidth()) + "\n"
                + MetricsView.times("time (the run)", MergedMetrics.histograms(run), 0);
        if (summary.left().isEmpty()) {
            return text;
        }
        return text + "\n" + summary.left().size() + " of " + summary.nodes().size() + " nodes left during the run"
                + " (their figures count up to their last answer): " + summary.left().stream().map(RunSummaryView::left)
                .collect(Collectors.joining("; "));
    }

    /**
     * A length as {@link #length} gives it, but never rounded down to a whole number of seconds under a minute:
     * {@code 450 ms}, {@code 2.0 s} (for 1.993 s), {@code 3 s}.
     */
    static String exactLength(Duration elapsed) {
        if (elapsed.toSeconds() == 0) {
            return elapsed.toMillis() + " ms";
        }
        return elapsed.toSeconds() < SECONDS_PER_MINUTE && elapsed.toMillisPart() != 0 ? Units.seconds(elapsed)
                : length(elapsed);
    }

    /** Whole seconds, or minutes and seconds from a minute: {@code 20 s}, {@code 2 min 5 s}. */
    static String length(Duration elapsed) {
        long total = elapsed.toSeconds();
        return total < SECONDS_PER_MINUTE ? total + " s"
                : (total / SECONDS_PER_MINUTE) + " min " + (total % SECONDS_PER_MINUTE) + " s";
    }
}
