package io.amoc.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;

/**
 * {@code timeseries.csv}: one row per interval, node (and {@code cluster}) and figure, in long form so that any
 * tool can pivot it: {@code time,node,metric,field,value}. Times in µs; rates per second.
 */
final class TimeseriesCsv {

    static final String HEADER = "time,node,metric,field,value";
    private static final String CLUSTER = "cluster";

    private TimeseriesCsv() {
    }

    static void write(RecordedRun run, Writer out) throws IOException {
        out.write(HEADER + "\n");
        for (Interval interval : run.timeline()) {
            String time = SummaryJson.instant(interval.endMillis());
            rows(out, time, CLUSTER, interval.cluster());
            for (Map.Entry<String, Figures> node : interval.byNode().entrySet()) {
                rows(out, time, node.getKey(), node.getValue());
            }
        }
    }

    private static void rows(Writer out, String time, String node, Figures figures) throws IOException {
        row(out, time, node, "users", "value", figures.users());
        for (String name : figures.counters().keySet().stream().sorted().toList()) {
            row(out, time, node, name, "count", figures.counters().get(name));
            row(out, time, node, name, "rate", figures.rates().getOrDefault(name, 0.0));
        }
        for (String name : figures.times().keySet().stream().sorted().toList()) {
            TimeFigures t = figures.times().get(name);
            row(out, time, node, name, "count", t.count());
            if (t.count() > 0) {
                row(out, time, node, name, "p50_us", t.p50());
                row(out, time, node, name, "p95_us", t.p95());
                row(out, time, node, name, "p99_us", t.p99());
                row(out, time, node, name, "max_us", t.max());
            }
        }
        for (String name : figures.gauges().keySet().stream().sorted().toList()) {
            row(out, time, node, name, "value", figures.gauges().get(name));
        }
    }

    private static void row(Writer out, String time, String node, String metric, String field, double value)
            throws IOException {
        String number = value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3f", value);
        out.write(time + "," + field(node) + "," + field(metric) + "," + field + "," + number + "\n");
    }

    /** A CSV field: quoted when it holds a comma, a quote or a line break. */
    private static String field(String text) {
        return text.matches("[^,\"\\r\\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
