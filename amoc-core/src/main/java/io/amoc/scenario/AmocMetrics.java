package io.amoc.scenario;

import io.amoc.metrics.NodeMetrics;

/**
 * Metrics for scenarios, kept per node and reported to Graphite as
 * {@code <prefix>.amoc.counters.<name>.{count,one}} and {@code <prefix>.amoc.times.<name>.{mean,...,p999}}.
 * Names are dotted words such as {@code "messages_sent"}; the first use of a name creates it.
 */
public final class AmocMetrics {

    private AmocMetrics() {
    }

    /** Counts one event. */
    public static void count(String name) {
        count(name, 1);
    }

    /** Counts {@code n} events. */
    public static void count(String name, long n) {
        NodeMetrics.current().count(name, n);
    }

    /** Records one duration in microseconds; percentiles are exact to three significant digits. */
    public static void time(String name, long micros) {
        NodeMetrics.current().time(name, micros);
    }

    /** Sets a gauge to {@code value}; reported as {@code <prefix>.amoc.gauges.<name>}. */
    public static void gauge(String name, long value) {
        NodeMetrics.current().gauge(name, value);
    }
}
