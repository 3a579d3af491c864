package io.amoc.shell.render;

import io.amoc.health.GeneratorHealth;
import io.amoc.metrics.MergedMetrics;
import io.amoc.metrics.NodeMetrics;
import io.amoc.metrics.MetricsSnapshot;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One screen of {@code watch}: users, each counter's total and rate over the last refresh, failures, and each time's
 * percentiles over the last refresh (from the difference of two whole-run histograms). Pure, within 80 columns.
 */
public final class WatchFrame {

    private static final double MILLIS_PER_SECOND = 1000;
    private static final double MIN_SECONDS = 0.001;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    /** Counters that count failures, summed in the frame's failure line. */
    static final List<String> FAILURE_COUNTERS = List.of("user_failures", "connection_failures");
    /** The gauge that is 1 on a node whose generator is overloaded (summed over a cluster: how many are). */
    private static final String OVERLOADED_GAUGE = NodeMetrics.GENERATOR_GAUGES + GeneratorHealth.OVERLOADED;

    private WatchFrame() {
    }

    /** Nothing while every generator is healthy; else {@code overloaded} or {@code overloaded on 2 nodes} (a cluster). */
    static String overloaded(MetricsSnapshot now) {
        long nodes = now.gauges().getOrDefault(OVERLOADED_GAUGE, 0L);
        if (nodes <= 0) {
            return "";
        }
        return MergedMetrics.CLUSTER.equals(now.node()) ? "  overloaded on " + nodes + (nodes == 1 ? " node" : " nodes")
                : "  overloaded";
    }

    /**
     * The frame for the change from {@code previous} to {@code now} of the same node or cluster.
     *
     * @param footer a last line, e.g. how to stop or which nodes did not answer
     */
    public static String render(MetricsSnapshot previous, MetricsSnapshot now, String footer) {
        MetricsSnapshot interval = MergedMetrics.since(previous, now);
        double seconds = Math.max(MIN_SECONDS, (now.takenAtMillis() - previous.takenAtMillis()) / MILLIS_PER_SECOND);
        long failures = FAILURE_COUNTERS.stream().mapToLong(c -> now.counters().getOrDefault(c, 0L)).sum();
        StringBuilder out = new StringBuilder()
                .append(now.node()).append("  ").append(CLOCK.format(Instant.ofEpochMilli(now.takenAtMillis())))
                .append("  users ").append(Units.count(now.users()))
                .append("  failures ").append(Units.count(failures)).append(overloaded(now));
        Columns counters = new Columns("counter", "total", "/s", "last 60 s");
        now.counters().forEach((name, total) -> {
            Long lastMinute = now.lastMinute().get(name);
            counters.row(name, Units.count(total), Units.rate(interval.counters().getOrDefault(name, 0L) / seconds),
                    lastMinute == null ? "-" : Units.count(lastMinute));
        });
        out.append('\n').append(counters.render(MetricsView.WIDTH - counters.numbersWidth()));
        out.append('\n').append(MetricsView.times("time (last " + Units.rate(seconds) + " s)",
                MergedMetrics.histograms(interval), seconds));
        if (!footer.isEmpty()) {
            out.append('\n').append(footer);
        }
        return out.toString();
    }
}
