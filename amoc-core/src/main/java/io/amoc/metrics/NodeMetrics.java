package io.amoc.metrics;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.jvm.GarbageCollectorMetricSet;
import com.codahale.metrics.jvm.MemoryUsageGaugeSet;
import com.codahale.metrics.jvm.ThreadStatesGaugeSet;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The metrics of one node: one Dropwizard registry with amoc's names ({@code amoc.counters.<name>} as
 * {@link EventMeter}s, {@code amoc.times.<name>} as histograms over a {@link TimeReservoir},
 * {@code amoc.gauges.<name>}, {@code amoc.users}) and the JVM's memory, threads and GC under {@code jvm.*}.
 * Recording never blocks on reporting.
 */
public final class NodeMetrics {

    public static final String COUNTERS = "amoc.counters.";
    public static final String TIMES = "amoc.times.";
    public static final String GAUGES = "amoc.gauges.";
    public static final String USERS = "amoc.users";
    public static final String JVM = "jvm";
    /** Registry prefix of the generator's own health ({@code amoc.generator.overloaded} ...). */
    public static final String GENERATOR = "amoc.generator.";
    /** Prefix of the generator's health among a snapshot's gauges ({@code generator.overloaded} ...). */
    public static final String GENERATOR_GAUGES = "generator.";

    /** Counters that exist from the start (showing 0). */
    public static final java.util.List<String> PREDEFINED_COUNTERS =
            java.util.List.of("user_failures", "connections", "connection_failures");
    /**
     * Every counter amoc itself may count (the predefined ones, the XMPP helpers' and a summary's
     * {@code messages_missing}): a threshold may name one that a run never counted, and it is 0 there.
     */
    public static final java.util.List<String> AMOC_COUNTERS = java.util.stream.Stream.concat(
            PREDEFINED_COUNTERS.stream(), java.util.stream.Stream.of("connection_lost", "reconnects",
                    MessageAccount.SENT, MessageAccount.RECEIVED, MessageAccount.BOUNCED, MessageAccount.STALE,
                    MessageAccount.FROM_OTHER_RUNS, MessageAccount.MISSING, "messages_out_of_order",
                    "messages_skipped")).toList();
    /** Times that exist from the start. */
    public static final java.util.List<String> PREDEFINED_TIMES = java.util.List.of("connection");

    private static volatile NodeMetrics current = new NodeMetrics();

    private final MetricRegistry registry = new MetricRegistry();
    private final ConcurrentHashMap<String, AtomicLong> gauges = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicLong> generator = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, TimeReservoir> reservoirs = new ConcurrentHashMap<>();
    private final AtomicLong users = new AtomicLong();

    public NodeMetrics() {
        registry.gauge(USERS, () -> users::get);
        PREDEFINED_COUNTERS.forEach(this::meter);
        PREDEFINED_TIMES.forEach(this::histogram);
        registry.register(JVM + ".memory", new MemoryUsageGaugeSet());
        registry.register(JVM + ".threads", new ThreadStatesGaugeSet());
        registry.register(JVM + ".gc", new GarbageCollectorMetricSet());
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

    /** Counts {@code n} events of counter {@code name}. */
    public void count(String name, long n) {
        meter(name).mark(n);
    }

    /** Records one time of {@code name} in microseconds. */
    public void time(String name, long micros) {
        histogram(name).update(micros);
    }

    /** Sets gauge {@code name} to {@code value}. */
    public void gauge(String name, long value) {
        gauges.computeIfAbsent(name, k -> {
            AtomicLong holder = new AtomicLong();
            registry.gauge(GAUGES + k, () -> holder::get);
            return holder;
        }).set(value);
    }

    /**
     * Sets the generator's health figure {@code name} ({@code amoc.generator.<name>} in Graphite,
     * {@code generator.<name>} among a snapshot's gauges).
     */
    public void generator(String name, long value) {
        generator.computeIfAbsent(name, k -> {
            AtomicLong holder = new AtomicLong();
            registry.gauge(GENERATOR + k, () -> holder::get);
            return holder;
        }).set(value);
    }

    /** Sets the number of live users ({@code amoc.users}); the engine calls it when users start and end. */
    public void users(long alive) {
        users.set(alive);
    }

    public long users() {
        return users.get();
    }

    /** The counter {@code name} (created at first use). */
    public EventMeter meter(String name) {
        return (EventMeter) registry.meter(COUNTERS + name, EventMeter::new);
    }

    /** The time histogram {@code name} (created at first use). */
    public Histogram histogram(String name) {
        return registry.histogram(TIMES + name, () -> new Histogram(reservoirs.computeIfAbsent(name, k -> new TimeReservoir())));
    }

    /** The whole-run histogram of time {@code name}, empty if it was never recorded. */
    public org.HdrHistogram.Histogram wholeRun(String name) {
        TimeReservoir reservoir = reservoirs.get(name);
        return reservoir == null ? Histograms.empty() : reservoir.wholeRun();
    }

    /** Everything of this node now: counters, their last minute, gauges, users and the whole-run histograms. */
    public MetricsSnapshot snapshot(String node) {
        Map<String, Long> counters = new TreeMap<>();
        Map<String, Long> lastMinute = new TreeMap<>();
        registry.getMeters((name, metric) -> name.startsWith(COUNTERS)).forEach((name, meter) -> {
            String key = name.substring(COUNTERS.length());
            counters.put(key, meter.getCount());
            if (meter instanceof EventMeter events) {
                lastMinute.put(key, events.lastMinute());
            }
        });
        Map<String, Long> gaugeValues = new TreeMap<>();
        gauges.forEach((name, value) -> gaugeValues.put(name, value.get()));
        generator.forEach((name, value) -> gaugeValues.put(GENERATOR_GAUGES + name, value.get()));
        Map<String, byte[]> histograms = new TreeMap<>();
        reservoirs.forEach((name, reservoir) -> histograms.put(name, Histograms.encode(reservoir.wholeRun())));
        return new MetricsSnapshot(node, System.currentTimeMillis(), users.get(), counters, gaugeValues, histograms,
                lastMinute);
    }

    /** Gauges of the registry whose value is a number, by full name (users, scenario gauges, jvm.*). */
    public Map<String, Number> numericGauges() {
        Map<String, Number> numbers = new TreeMap<>();
        for (Map.Entry<String, Gauge> entry : registry.getGauges().entrySet()) {
            Object value = readGauge(entry.getValue());
            if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
                numbers.put(entry.getKey(), number);
            }
        }
        return numbers;
    }

    private static Object readGauge(Gauge<?> gauge) {
        try {
            return gauge.getValue();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
