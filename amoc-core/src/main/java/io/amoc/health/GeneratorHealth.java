package io.amoc.health;

import com.sun.management.OperatingSystemMXBean;
import io.amoc.config.LatestConfig;
import io.amoc.metrics.NodeMetrics;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Watches this JVM as a load generator: every second it reads the process's and the machine's CPU, the virtual-thread
 * scheduler's lag (probed every {@value #PROBE_INTERVAL_MILLIS} ms) and the heap after GC, and decides with
 * {@link HealthLimits} whether the generator is overloaded. Overloaded spells are kept, so that a run's verdict can
 * ask whether the generator was overloaded at any time during the run. One platform thread; nothing on the users'
 * path.
 */
public final class GeneratorHealth implements AutoCloseable {

    /** 1 while the generator is overloaded, else 0. */
    public static final String OVERLOADED = "overloaded";
    /** The higher of the process's and the machine's CPU use, in percent. */
    public static final String CPU_PERCENT = "cpu_percent";
    /** The virtual-thread scheduler's lag, p99 over the last ten seconds, in µs. */
    public static final String LAG_P99_MICROS = "lag_p99_us";
    /** Heap in use after the last GC, in percent of the maximum heap. */
    public static final String HEAP_AFTER_GC_PERCENT = "heap_after_gc_percent";

    private static final Logger LOG = LoggerFactory.getLogger(GeneratorHealth.class);
    private static final double PERCENT = 100.0;
    private static final long SAMPLE_INTERVAL_MILLIS = 1_000;
    /** Each probe wakes the timer thread and a carrier; ten a second give a p99 over ten seconds of 100 probes. */
    private static final long PROBE_INTERVAL_MILLIS = 100;
    /** Spells kept for the verdict (a long run that flaps keeps its latest ones). */
    private static final int MAX_SPELLS = 1_000;
    /** The lag's p99 is taken over this many of the last one-second windows, so one GC pause is not an overload. */
    private static final int LAG_WINDOWS = 10;

    private final OverloadRule rule;
    private final SchedulerLagProbe lag = new SchedulerLagProbe();
    private final HeapAfterGc heap = new HeapAfterGc();
    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "amoc-generator-health");
        thread.setDaemon(true);
        return thread;
    });
    private final List<OverloadSpell> spells = new ArrayList<>();
    private final java.util.ArrayDeque<Histogram> lagWindows = new java.util.ArrayDeque<>();
    private static GeneratorHealth ofThisJvm;
    private volatile HealthSample last;
    private volatile String overloaded;

    private GeneratorHealth(Supplier<HealthLimits> limits) {
        this.rule = new OverloadRule(limits);
    }

    /**
     * The watch of this JVM, started at the first call and kept while the JVM lives: every node of a JVM (the
     * console's or daemon's own node, a slave) shares its CPU, scheduler and heap, so one watch serves them all. Its
     * limits are those of this JVM's configuration at each sample ({@link HealthLimits#of}).
     */
    public static synchronized GeneratorHealth ofThisJvm() {
        if (ofThisJvm == null) {
            ofThisJvm = start(LatestConfig.of(HealthLimits::of));
        }
        return ofThisJvm;
    }

    /** Starts watching with fixed limits; {@link #close()} stops it. */
    public static GeneratorHealth start(HealthLimits limits) {
        return start(() -> limits);
    }

    /** Starts watching with the limits {@code limits} gives at each sample; {@link #close()} stops it. */
    public static GeneratorHealth start(Supplier<HealthLimits> limits) {
        GeneratorHealth health = new GeneratorHealth(limits);
        health.timer.scheduleAtFixedRate(health.lag::probe, 0, PROBE_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        health.timer.scheduleAtFixedRate(health::sample, SAMPLE_INTERVAL_MILLIS, SAMPLE_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
        return health;
    }

    /** The reason the generator is overloaded now, or empty. */
    public Optional<String> overloaded() {
        return Optional.ofNullable(overloaded);
    }

    /** The latest reading, or empty in the first second. */
    public Optional<HealthSample> last() {
        return Optional.ofNullable(last);
    }

    /** The overloaded spells that overlap {@code fromMillis..now}, oldest first. */
    public synchronized List<OverloadSpell> spellsSince(long fromMillis) {
        return spells.stream().filter(s -> s.endMillis() < 0 || s.endMillis() >= fromMillis).toList();
    }

    /** The overloaded spells that overlap {@code fromMillis..toMillis} ({@code toMillis} negative: until now). */
    public List<OverloadSpell> spellsBetween(long fromMillis, long toMillis) {
        return spellsSince(fromMillis).stream().filter(s -> toMillis < 0 || s.startMillis() <= toMillis).toList();
    }

    private void sample() {
        try {
            HealthSample sample = new HealthSample(System.currentTimeMillis(), os.getProcessCpuLoad(), os.getCpuLoad(),
                    lagP99Micros(), heap.share());
            last = sample;
            String reason = rule.accept(sample).orElse(null);
            note(sample, reason);
            publish(sample, reason != null);
        } catch (RuntimeException e) {
            LOG.warn("generator health: cannot take a sample: {}", e.toString());
        }
    }

    /** The figures as gauges of the node's metrics: in every snapshot, and in Graphite as amoc.generator.*. */
    private static void publish(HealthSample sample, boolean overloaded) {
        NodeMetrics metrics = NodeMetrics.current();
        metrics.generator(OVERLOADED, overloaded ? 1 : 0);
        metrics.generator(CPU_PERCENT, Math.round(Math.max(0, sample.cpu()) * PERCENT));
        metrics.generator(LAG_P99_MICROS, sample.lagP99Micros());
        metrics.generator(HEAP_AFTER_GC_PERCENT, Math.round(Math.max(0, sample.heapAfterGc()) * PERCENT));
    }

    /** p99 of the scheduler's lag over the last {@value #LAG_WINDOWS} seconds (only the timer thread calls it). */
    private long lagP99Micros() {
        lagWindows.addLast(lag.window());
        if (lagWindows.size() > LAG_WINDOWS) {
            lagWindows.removeFirst();
        }
        Histogram all = new Histogram(2);
        lagWindows.forEach(all::add);
        return all.getValueAtPercentile(99);
    }

    private synchronized void note(HealthSample sample, String reason) {
        String before = overloaded;
        overloaded = reason;
        if (reason != null && before == null) {
            LOG.warn("this load generator is overloaded: {}; its figures may show the generator, not the server", reason);
            if (spells.size() == MAX_SPELLS) {
                spells.remove(0);
            }
            spells.add(new OverloadSpell(sample.atMillis(), -1, reason));
        } else if (reason == null && before != null) {
            OverloadSpell open = spells.remove(spells.size() - 1);
            spells.add(new OverloadSpell(open.startMillis(), sample.atMillis(), open.reason()));
            LOG.info("this load generator is no longer overloaded");
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        heap.close();
    }
}
