package io.amoc.http;

import io.amoc.command.ClusterMetrics;
import io.amoc.command.Failures;
import io.amoc.command.RunSummary;
import io.amoc.command.Target;
import io.amoc.engine.FailureGroup;
import io.amoc.metrics.MergedMetrics;
import io.amoc.metrics.MetricsSnapshot;
import org.HdrHistogram.Histogram;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** The JSON of {@code metrics}, {@code failures} and a run's summary; times in microseconds, as recorded. */
final class MetricsViews {

    private static final double P50 = 50;
    private static final double P95 = 95;
    private static final double P99 = 99;
    private static final double P999 = 99.9;

    private MetricsViews() {
    }

    static Map<String, Object> metrics(Target target, ClusterMetrics metrics) {
        Map<String, Object> json = Json.object("target", target.label(), "answered", metrics.answered(),
                "failed", metrics.failed());
        json.putAll(snapshot(metrics.snapshot()));
        return json;
    }

    /** Users, counters (total and last 60 s), gauges and times of one snapshot. */
    static Map<String, Object> snapshot(MetricsSnapshot snapshot) {
        Map<String, Object> counters = new TreeMap<>();
        snapshot.counters().forEach((name, count) -> counters.put(name,
                Json.object("count", count, "last_minute", snapshot.lastMinute().get(name))));
        Map<String, Object> times = new TreeMap<>();
        MergedMetrics.histograms(snapshot).forEach((name, histogram) -> times.put(name, time(histogram)));
        return Json.object("node", snapshot.node(), "taken_at", Instant.ofEpochMilli(snapshot.takenAtMillis()).toString(),
                "users", snapshot.users(), "counters", counters, "gauges", new TreeMap<>(snapshot.gauges()),
                "times", times);
    }

    private static Map<String, Object> time(Histogram h) {
        boolean empty = h.getTotalCount() == 0;
        return Json.object("count", h.getTotalCount(), "min_us", empty ? null : h.getMinValue(),
                "mean_us", empty ? null : h.getMean(), "p50_us", empty ? null : h.getValueAtPercentile(P50),
                "p95_us", empty ? null : h.getValueAtPercentile(P95), "p99_us", empty ? null : h.getValueAtPercentile(P99),
                "p999_us", empty ? null : h.getValueAtPercentile(P999), "max_us", empty ? null : h.getMaxValue());
    }

    static Map<String, Object> summary(RunSummary summary) {
        Map<String, Object> json = Json.object("elapsed_ms", summary.elapsed().toMillis());
        json.putAll(snapshot(summary.run()));
        return json;
    }

    static Map<String, Object> failures(Target target, Failures failures) {
        return Json.object("target", target.label(), "total", failures.total(),
                "groups", failures.groups().stream().map(MetricsViews::group).toList(),
                "nodes", RunViews.perNode(failures.byNode(), groups -> Json.object("groups",
                        groups.stream().map(MetricsViews::group).toList())));
    }

    private static Map<String, Object> group(FailureGroup group) {
        return Json.object("cause", group.cause(), "count", group.count(),
                "first", Instant.ofEpochMilli(group.firstMillis()).toString(),
                "last", Instant.ofEpochMilli(group.lastMillis()).toString(),
                "example", group.example(), "stack_trace", group.stackTrace());
    }
}
