package io.amoc.scenario;

import io.amoc.metrics.NodeMetrics;

/**
 * Metrics for scenarios, like amoc's {@code amoc_metrics}: counters, times and gauges, kept per node, shown by the
 * shell's {@code metrics} and {@code watch} commands and reported to Graphite every {@code graphite_interval}.
 *
 * <pre>{@code
 * long sent = System.nanoTime();
 * chat.send("hello");
 * AmocMetrics.count("messages_sent");
 * AmocMetrics.time("message_ttd", (System.nanoTime() - sent) / 1000);
 * }</pre>
 *
 * <p>Names are dotted words such as {@code "messages_sent"}; the first use of a name creates it. All methods are
 * thread-safe, never block on reporting and may be called from any user at any rate.
 */
public final class AmocMetrics {

    private AmocMetrics() {
    }

    /**
     * Counts one event. Reported as {@code <prefix>.amoc.counters.<name>.count} (total since the node started)
     * and {@code .one} (events in the last 60 seconds).
     *
     * @param name the counter, e.g. {@code "messages_sent"}
     */
    public static void count(String name) {
        count(name, 1);
    }

    /**
     * Counts {@code n} events at once.
     *
     * @param name the counter, e.g. {@code "messages_sent"}
     * @param n    how many events
     */
    public static void count(String name, long n) {
        NodeMetrics.current().count(name, n);
    }

    /**
     * Records one duration in microseconds into an HdrHistogram: percentiles are exact to three significant digits
     * (at most 0.1% off), with no sampling. Reported as {@code <prefix>.amoc.times.<name>.{mean,min,max,median,
     * p95,p99,p999}} over each report interval; the shell's summary shows the whole run. A negative duration is
     * recorded as 0.
     *
     * @param name   the time, e.g. {@code "message_ttd"}
     * @param micros the duration in microseconds
     */
    public static void time(String name, long micros) {
        NodeMetrics.current().time(name, micros);
    }

    /**
     * Sets a gauge to {@code value} (the last value set wins); reported as {@code <prefix>.amoc.gauges.<name>}.
     *
     * @param name  the gauge, e.g. {@code "rooms_joined"}
     * @param value its current value
     */
    public static void gauge(String name, long value) {
        NodeMetrics.current().gauge(name, value);
    }
}
