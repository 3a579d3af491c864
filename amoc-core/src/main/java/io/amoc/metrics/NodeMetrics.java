package io.amoc.metrics;

import com.codahale.metrics.MetricRegistry;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The metrics of one node: one Dropwizard registry with amoc's names
 * ({@code amoc.counters.<name>}, {@code amoc.times.<name>}, {@code amoc.gauges.<name>}, {@code amoc.users}).
 */
public final class NodeMetrics {

    public static final String COUNTERS = "amoc.counters.";
    public static final String TIMES = "amoc.times.";
    public static final String GAUGES = "amoc.gauges.";
    public static final String USERS = "amoc.users";

    private static volatile NodeMetrics current = new NodeMetrics();

    private final MetricRegistry registry = new MetricRegistry();
    private final ConcurrentHashMap<String, AtomicLong> gauges = new ConcurrentHashMap<>();
    private final AtomicLong users = new AtomicLong();

    public NodeMetrics() {
        registry.gauge(USERS, () -> users::get);
    }

    /** The metrics of the node in this JVM. */
    public static NodeMetrics current() {
        return current;
    }

    /** Replaces the node's metrics (a new run on a fresh registry, or a test). */
    public static void install(NodeMetrics metrics) {
        current = metrics;
    }

    public MetricRegistry registry() {
        return registry;
    }

    public void count(String name, long n) {
        registry.meter(COUNTERS + name).mark(n);
    }

    public void time(String name, long micros) {
        registry.histogram(TIMES + name).update(micros);
    }

    /** Sets the number of live users ({@code amoc.users}); the engine calls it when users start and end. */
    public void users(long alive) {
        users.set(alive);
    }

    /** A snapshot of counters, gauges and users (histograms come with the HdrHistogram reservoir). */
    public MetricsSnapshot snapshot(String node) {
        java.util.Map<String, Long> counters = new java.util.TreeMap<>();
        registry.getMeters().forEach((k, m) -> {
            if (k.startsWith(COUNTERS)) {
                counters.put(k.substring(COUNTERS.length()), m.getCount());
            }
        });
        java.util.Map<String, Long> gaugeValues = new java.util.TreeMap<>();
        gauges.forEach((k, v) -> gaugeValues.put(k, v.get()));
        return new MetricsSnapshot(node, System.currentTimeMillis(), users.get(), counters, gaugeValues, java.util.Map.of());
    }

    public void gauge(String name, long value) {
        gauges.computeIfAbsent(name, k -> {
            AtomicLong holder = new AtomicLong();
            registry.gauge(GAUGES + k, () -> holder::get);
            return holder;
        }).set(value);
    }
}
