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

    public void gauge(String name, long value) {
        gauges.computeIfAbsent(name, k -> {
            AtomicLong holder = new AtomicLong();
            registry.gauge(GAUGES + k, () -> holder::get);
            return holder;
        }).set(value);
    }
}
