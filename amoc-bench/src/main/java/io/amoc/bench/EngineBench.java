package io.amoc.bench;

import io.amoc.cluster.Cluster;
import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.LocalNodeHandle;
import io.amoc.cluster.RunOptions;
import io.amoc.compile.ScenarioBundle;
import io.amoc.compile.ScenarioCatalog;
import io.amoc.config.Config;
import io.amoc.engine.NodeController;
import io.amoc.engine.RemovalReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/**
 * Measures one node's engine: spawns N users of a scenario that sleeps with {@code interarrival = 0}, then removes
 * them all by force, while another thread asks for status all along. Prints figures, asserts nothing.
 * Run it with {@code bench/engine/run [--users N] [--rounds R] [--baseline]}; it is not part of the release.
 */
@Command(name = "bench/engine/run", mixinStandardHelpOptions = true,
        description = "Spawns N sleeping users on a local node (interarrival 0), removes them by force, and prints"
                + " the spawn rate, memory, threads, status latency and removal time.")
public final class EngineBench implements Callable<Integer> {

    /** Exit status when the benchmark could not run what it measures. */
    static final int FAILED = 1;

    private static final long DEFAULT_USERS = 100_000;
    private static final long POLL_MS = 1;
    private static final long BYTES_PER_MIB = 1024 * 1024;
    private static final String SCENARIO = """
            import io.amoc.scenario.Scenario;

            public class BenchSleeper implements Scenario<Void> {
                @Override
                public void start(long userId, Void state) throws InterruptedException {
                    Thread.sleep(Long.MAX_VALUE);
                }
            }
            """;

    @Option(names = {"-n", "--users"}, description = "users to spawn (default ${DEFAULT-VALUE})", defaultValue = "100000")
    long users = DEFAULT_USERS;

    @Spec
    CommandSpec spec;

    /** The benchmark's entry point ({@code bench/engine/run} starts it). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new EngineBench()).execute(args));
    }

    @Option(names = "--rounds", description = "rounds to run, each printed (later rounds run on a warm JIT;"
            + " default ${DEFAULT-VALUE})", defaultValue = "1")
    int rounds = 1;

    @Option(names = "--baseline", description = "also time the same number of plain virtual threads without amoc")
    boolean baseline;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Config.global().set("interarrival", 0L);
        ScenarioBundle bundle = compileScenario();
        NodeController node = new NodeController("bench");
        Cluster cluster = new Cluster(() -> List.of(new LocalNodeHandle(node)));
        out.printf(Locale.ROOT, "amoc engine benchmark: %d users of a sleeping scenario, interarrival 0, Java %s, %d cpus%n",
                users, Runtime.version(), Runtime.getRuntime().availableProcessors());
        for (int round = 1; round <= rounds; round++) {
            out.printf(Locale.ROOT, "round %d of %d%n", round, rounds);
            try {
                runRound(out, node, cluster, bundle);
            } catch (BenchFailedException e) {
                spec.commandLine().getErr().println("amoc: engine benchmark: " + e.getMessage());
                return FAILED;
            }
            if (baseline) {
                PlainThreadsBaseline.Figures plain = PlainThreadsBaseline.run(users);
                out.printf(Locale.ROOT, "plain JDK, no amoc: %d sleeping virtual threads started in %.3f s,"
                        + " interrupted and joined in %.3f s%n", users, plain.startSeconds(), plain.stopSeconds());
                out.flush();
            }
        }
        return 0;
    }

    private void runRound(PrintWriter out, NodeController node, Cluster cluster, ScenarioBundle bundle)
            throws InterruptedException, BenchFailedException {
        StatusProbe probe = new StatusProbe(cluster);
        probe.begin();
        try {
            long begin = System.nanoTime();
            start(cluster, bundle);
            long spawnNanos = waitUntil(() -> node.status().usersAlive(), users, begin);
            StatusProbe.Latency spawning = probe.phase();
            MemoryFigures memory = MemoryFigures.now();
            probe.phase(); // the forced GC of the memory figures is neither spawning nor removing
            long removeStart = System.nanoTime();
            ClusterResult<RemovalReport> removed = cluster.remove(users, true, RunOptions.all());
            long removeNanos = System.nanoTime() - removeStart;
            StatusProbe.Latency removing = probe.phase();
            report(out, spawnNanos, memory, spawning, removing, removeNanos, removed);
        } finally {
            probe.end();
            cluster.stop();
        }
    }

    private void start(Cluster cluster, ScenarioBundle bundle) throws BenchFailedException {
        ClusterResult<Void> started = cluster.start(bundle, 1, users, RunOptions.all());
        if (!started.allOk()) {
            throw new BenchFailedException("the scenario did not start: " + started.byNode());
        }
    }

    private static ScenarioBundle compileScenario() throws Exception {
        Path dir = Files.createTempDirectory("amoc-bench");
        Path source = Files.writeString(dir.resolve("BenchSleeper.java"), SCENARIO);
        try {
            return new ScenarioCatalog(List.of(dir)).bundle("BenchSleeper");
        } finally {
            Files.delete(source);
            Files.delete(dir);
        }
    }

    /** Waits until {@code value} reaches {@code target}; the nanoseconds since {@code begin}. */
    private static long waitUntil(LongSupplier value, long target, long begin) throws InterruptedException {
        while (value.getAsLong() < target) {
            Thread.sleep(POLL_MS);
        }
        return System.nanoTime() - begin;
    }

    private void report(PrintWriter out, long spawnNanos, MemoryFigures memory, StatusProbe.Latency spawning,
                        StatusProbe.Latency removing, long removeNanos, ClusterResult<RemovalReport> removed) {
        RemovalReport report = removed.values().get("bench");
        double seconds = spawnNanos / 1e9;
        out.printf(Locale.ROOT, "spawn:   %d users alive after %.3f s = %.0f users/s%n", users, seconds, users / seconds);
        out.printf(Locale.ROOT, "memory:  heap used %d MiB (after GC; max heap %d MiB), RSS %d MiB%n",
                memory.heapUsed() / BYTES_PER_MIB, memory.heapMax() / BYTES_PER_MIB, memory.rss() / BYTES_PER_MIB);
        out.printf(Locale.ROOT, "threads: %d platform threads (peak %d) carrying %d virtual user threads%n",
                memory.threads(), memory.peakThreads(), users);
        out.printf(Locale.ROOT, "remove:  remove(%d, force=true) took %.3f s, %d removed, %d stragglers%n",
                users, removeNanos / 1e9, report == null ? 0 : report.removed().size(),
                report == null ? 0 : report.stragglers().size());
        out.printf(Locale.ROOT, "status:  while spawning %s; while removing %s%n", spawning, removing);
        out.flush();
    }

    /** Heap, resident memory and threads of this JVM now. */
    private record MemoryFigures(long heapUsed, long heapMax, long rss, int threads, int peakThreads) {

        static MemoryFigures now() {
            System.gc();
            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            var threads = ManagementFactory.getThreadMXBean();
            return new MemoryFigures(heap.getUsed(), heap.getMax(), ResidentMemory.bytes(), threads.getThreadCount(),
                    threads.getPeakThreadCount());
        }
    }
}
