package io.amoc.shell.render;

import io.amoc.command.ClusterMetrics;
import io.amoc.metrics.MergedMetrics;
import io.amoc.metrics.MetricsSnapshot;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Map;

/**
 * The text of {@code metrics} and {@code dist.metrics}: users, counters (count, events in the last 60 s, rate per
 * second over them: over the part of that minute the run has lasted), gauges and times (count, p50/p95/p99/max over
 * the whole run). Pure: same snapshot, same text.
 */
public final class MetricsView {

    /** Lines are kept within this many columns. */
    public static final int WIDTH = 80;
    private static final double MILLIS_PER_SECOND = 1_000;
    /** Rates are never taken over less than a second (a run a few milliseconds old would show wild ones). */
    private static final double MIN_RATE_SECONDS = 1;
    private static final double P50 = 50;
    private static final double P95 = 95;
    private static final double P99 = 99;
    private static final String NONE = "-";

    private MetricsView() {
    }

    /** One node's or the merged cluster's metrics. */
    public static String render(ClusterMetrics metrics) {
        MetricsSnapshot snapshot = metrics.snapshot();
        StringBuilder out = new StringBuilder(snapshot.node()).append(": users ").append(Units.count(snapshot.users()));
        out.append('\n').append(counters(snapshot, metrics.lastMinuteRan().toMillis() / MILLIS_PER_SECOND));
        if (!snapshot.gauges().isEmpty()) {
            out.append('\n').append(gauges(snapshot.gauges()));
        }
        out.append('\n').append(times("time (whole run)", MergedMetrics.histograms(snapshot), 0));
        return out.toString();
    }

    /** The cluster merged from the nodes that answered, and the ones that did not. */
    public static String renderCluster(ClusterMetrics metrics) {
        List<String> failed = failures(metrics);
        String nodes = metrics.answered() + (metrics.answered() == 1 ? " node" : " nodes") + " merged"
                + (failed.isEmpty() ? "" : "; no answer from " + String.join(", ", failed));
        return render(metrics) + "\n" + nodes;
    }

    /** The nodes that gave no metrics, with why: {@code slave3 (slave3 is down (...))}. */
    public static List<String> failures(ClusterMetrics metrics) {
        return metrics.failed().entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
    }

    /** A line naming the nodes that did not answer, or nothing. */
    public static String missing(ClusterMetrics metrics) {
        return metrics.failed().isEmpty() ? "" : "no answer from " + String.join(", ", failures(metrics));
    }

    /** @param seconds how much of the last minute the run ran: the time the last-minute counts are rates over */
    static String counters(MetricsSnapshot snapshot, double seconds) {
        Columns table = new Columns("counter", "count", "last 60 s", "rate/s");
        snapshot.counters().forEach((name, count) -> {
            Long lastMinute = snapshot.lastMinute().get(name);
            table.row(name, Units.count(count), lastMinute == null ? NONE : Units.count(lastMinute),
                    lastMinute == null ? NONE : Units.rate(lastMinute / Math.max(MIN_RATE_SECONDS, seconds)));
        });
        return table.render(WIDTH - table.numbersWidth());
    }

    static String gauges(Map<String, Long> gauges) {
        Columns table = new Columns("gauge", "value");
        gauges.forEach((name, value) -> table.row(name, Units.count(value)));
        return table.render(WIDTH - table.numbersWidth());
    }

    /**
     * Times as a table: count (or per second when {@code seconds} > 0), p50, p95, p99, max.
     *
     * @param seconds the interval the histograms cover, to show counts per second; 0 shows plain counts
     */
    static String times(String title, Map<String, Histogram> histograms, double seconds) {
        Columns table = new Columns(title, seconds > 0 ? "n/s" : "count", "p50", "p95", "p99", "max");
        histograms.forEach((name, h) -> {
            long n = h.getTotalCount();
            String count = seconds > 0 ? Units.rate(n / seconds) : Units.count(n);
            table.row(name, count, percentile(h, P50), percentile(h, P95), percentile(h, P99),
                    n == 0 ? NONE : Units.micros(h.getMaxValue()));
        });
        return table.render(WIDTH - table.numbersWidth());
    }

    private static String percentile(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? NONE : Units.micros(histogram.getValueAtPercentile(percentile));
    }
}
