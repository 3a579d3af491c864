package io.amoc.metrics;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.Snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Graphite report of a node in the plaintext protocol ({@code path value timestamp}):
 * {@code <prefix>.amoc.users.size}, {@code <prefix>.amoc.counters.<name>.count} and {@code .one},
 * {@code <prefix>.amoc.times.<name>.{mean,min,max,median,p95,p99,p999}} (over the report interval),
 * {@code <prefix>.amoc.gauges.<name>} and {@code <prefix>.jvm.*}. A time with no values in the interval sends
 * nothing (a gap in the graph), never a made-up 0.
 */
public final class GraphiteLines {

    private static final double MEDIAN = 0.5;
    private static final double P95 = 0.95;
    private static final double P99 = 0.99;
    private static final double P999 = 0.999;

    private GraphiteLines() {
    }

    /** The lines of one report; taking it starts a new interval for every time. */
    public static List<String> report(NodeMetrics metrics, String prefix, long epochSeconds) {
        Lines lines = new Lines(prefix, epochSeconds);
        lines.add(NodeMetrics.USERS + ".size", metrics.users());
        metrics.registry().getMeters().forEach((name, meter) -> {
            if (name.startsWith(NodeMetrics.COUNTERS)) {
                counter(lines, name, meter);
            }
        });
        metrics.registry().getHistograms().forEach((name, histogram) -> {
            if (name.startsWith(NodeMetrics.TIMES)) {
                time(lines, name, histogram);
            }
        });
        for (Map.Entry<String, Number> gauge : metrics.numericGauges().entrySet()) {
            if (!gauge.getKey().equals(NodeMetrics.USERS)) {
                lines.add(gauge.getKey(), gauge.getValue());
            }
        }
        return lines.all;
    }

    private static void counter(Lines lines, String name, Meter meter) {
        lines.add(name + ".count", meter.getCount());
        if (meter instanceof EventMeter events) {
            lines.add(name + ".one", events.lastMinute());
        }
    }

    private static void time(Lines lines, String name, Histogram histogram) {
        Snapshot interval = histogram.getSnapshot();
        if (interval.size() == 0) {
            return;
        }
        lines.add(name + ".mean", interval.getMean());
        lines.add(name + ".min", interval.getMin());
        lines.add(name + ".max", interval.getMax());
        lines.add(name + ".median", interval.getValue(MEDIAN));
        lines.add(name + ".p95", interval.getValue(P95));
        lines.add(name + ".p99", interval.getValue(P99));
        lines.add(name + ".p999", interval.getValue(P999));
    }

    /** A path element made safe for Graphite: spaces and other separators become underscores. */
    public static String sanitize(String path) {
        return path.replaceAll("[\\s/\\\\:;,]+", "_");
    }

    private static final class Lines {
        private final String prefix;
        private final long timestamp;
        private final List<String> all = new ArrayList<>();

        Lines(String prefix, long timestamp) {
            this.prefix = prefix.isEmpty() ? "" : sanitize(prefix) + ".";
            this.timestamp = timestamp;
        }

        void add(String path, Number value) {
            all.add(prefix + sanitize(path) + " " + format(value) + " " + timestamp);
        }

        private static String format(Number value) {
            if (value instanceof Double || value instanceof Float) {
                double d = value.doubleValue();
                return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.3f", d);
            }
            return value.toString();
        }
    }
}
