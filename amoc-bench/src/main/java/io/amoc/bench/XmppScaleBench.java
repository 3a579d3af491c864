package io.amoc.bench;

import io.amoc.cluster.Cluster;
import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.RunOptions;
import io.amoc.compile.ScenarioBundle;
import io.amoc.compile.ScenarioCatalog;
import io.amoc.config.Config;
import io.amoc.config.Literal;
import io.amoc.metrics.MetricsSnapshot;
import io.amoc.rmi.Distribution;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The master of a scale run: drives slave JVMs over RMI (TLS material from {@code tls_dir}) to log in N users of
 * {@code IdleSessions}, while another thread asks the cluster for its status all along; every few seconds it prints
 * the sessions, the login rate, the status latency, the load average and the RSS of the processes it watches, then
 * the peaks. Run it with {@code bench/xmpp/scale}, which starts the sandbox and the slaves; it is not part of the
 * release.
 */
@Command(name = "bench/xmpp/scale", mixinStandardHelpOptions = true,
        description = "Logs in N IdleSessions users over slave JVMs and prints sessions, login rate, status latency"
                + " and the RSS of the watched processes.")
public final class XmppScaleBench implements Callable<Integer> {

    private static final long REPORT_MS = 5_000;
    private static final long PROBE_PAUSE_MS = 10;
    private static final long KIB_PER_MIB = 1024;
    private static final long LOGIN_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(20);

    @Option(names = "--hosts", split = ",", required = true, description = "the slaves, host:port,...")
    List<String> hosts;

    @Option(names = "--users", defaultValue = "19000", description = "users to log in (default ${DEFAULT-VALUE})")
    long users;

    @Option(names = "--interarrival", defaultValue = "20", description = "ms between two users on each slave")
    long interarrival;

    @Option(names = "--hold", defaultValue = "30", description = "seconds to keep probing once all are logged in")
    long holdSeconds;

    @Option(names = "--scenarios", required = true, description = "the directory of IdleSessions.java")
    Path scenarios;

    @Option(names = "--set", description = "config key=literal pushed to the slaves, e.g. xmpp_servers=[...]")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--watch", split = ",", description = "name=pid of processes whose RSS is sampled")
    Map<String, Long> watched = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    /** The benchmark's entry point ({@code bench/xmpp/scale} starts it). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new XmppScaleBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Config.global().set("hosts", hosts);
        Distribution distribution = Distribution.start(Config.global());
        try {
            Cluster cluster = distribution.cluster();
            cluster.setConfig("interarrival", interarrival);
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                cluster.setConfig(setting.getKey(), Literal.parseOrString(setting.getValue()));
            }
            ScenarioBundle bundle = new ScenarioCatalog(List.of(scenarios)).bundle("IdleSessions");
            return run(out, cluster, bundle);
        } finally {
            distribution.close();
        }
    }

    private int run(PrintWriter out, Cluster cluster, ScenarioBundle bundle) throws Exception {
        StatusProbe probe = new StatusProbe(cluster, PROBE_PAUSE_MS);
        Map<String, Long> peakRss = new LinkedHashMap<>();
        out.printf(Locale.ROOT, "%8s %9s %9s %8s %14s %14s %16s  %s%n", "time (s)", "sessions", "failures",
                "logins/s", "status p99 ms", "status max ms", "load", "RSS MiB");
        probe.begin();
        long begin = System.nanoTime();
        ClusterResult<Void> started = cluster.start(bundle, 1, users, RunOptions.all());
        if (!started.allOk()) {
            throw new BenchFailedException("the scenario did not start: " + started.byNode());
        }
        long previous = 0;
        double peakRate = 0;
        long allInNanos = -1;
        List<StatusProbe.Latency> duringLogins = new ArrayList<>();
        List<StatusProbe.Latency> holding = new ArrayList<>();
        long holdUntil = Long.MAX_VALUE;
        while (System.nanoTime() < holdUntil) {
            Thread.sleep(REPORT_MS);
            long[] sessions = sessionsAndFailures(cluster);
            double rate = (sessions[0] - previous) * 1000.0 / REPORT_MS;
            previous = sessions[0];
            peakRate = Math.max(peakRate, rate);
            StatusProbe.Latency latency = probe.phase();
            double seconds = (System.nanoTime() - begin) / 1e9;
            out.printf(Locale.ROOT, "%8.0f %9d %9d %8.0f %14.2f %14.2f %16s  %s%n", seconds, sessions[0], sessions[1],
                    rate, latency.p99Nanos() / 1e6, latency.maxNanos() / 1e6, LoadAverage.now(), rss(peakRss));
            out.flush();
            if (allInNanos >= 0) {
                holding.add(latency);
            } else {
                duringLogins.add(latency);
                if (sessions[0] + sessions[1] >= users) {
                    allInNanos = System.nanoTime() - begin;
                    holdUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(holdSeconds);
                } else if (System.nanoTime() - begin > TimeUnit.MILLISECONDS.toNanos(LOGIN_TIMEOUT_MS)) {
                    throw new BenchFailedException(sessions[0] + " of " + users + " logged in after 20 minutes");
                }
            }
        }
        probe.end();
        summary(out, allInNanos, peakRate, duringLogins, holding, peakRss, sessionsAndFailures(cluster));
        cluster.remove(users, true, RunOptions.all());
        cluster.stop();
        return 0;
    }

    private void summary(PrintWriter out, long allInNanos, double peakRate, List<StatusProbe.Latency> duringLogins,
                         List<StatusProbe.Latency> holding, Map<String, Long> peakRss, long[] sessions) {
        double seconds = allInNanos / 1e9;
        out.printf(Locale.ROOT, "%nsessions: %d logged in, %d failed, over %d slave(s), in %.0f s: %.0f logins/s on"
                + " average, %.0f at the peak (5 s)%n", sessions[0], sessions[1], hosts.size(), seconds,
                sessions[0] / seconds, peakRate);
        out.printf(Locale.ROOT, "status over RMI: during the logins %s; holding %s%n", worst(duringLogins),
                worst(holding));
        out.printf(Locale.ROOT, "peak RSS (MiB): %s%n", peakRss.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue() / KIB_PER_MIB).reduce((a, b) -> a + ", " + b).orElse("-"));
        out.printf(Locale.ROOT, "load average at the end: %s%n", LoadAverage.now());
        out.flush();
    }

    /** The worst of several 5-s phases: their highest max and highest p99, and their calls. */
    private static String worst(List<StatusProbe.Latency> phases) {
        long max = phases.stream().mapToLong(StatusProbe.Latency::maxNanos).max().orElse(0);
        long p99 = phases.stream().mapToLong(StatusProbe.Latency::p99Nanos).max().orElse(0);
        long calls = phases.stream().mapToLong(StatusProbe.Latency::count).sum();
        return String.format(Locale.ROOT, "max %.2f ms, worst 5-s p99 %.2f ms over %d calls", max / 1e6, p99 / 1e6,
                calls);
    }

    /** Successful logins and login failures over every slave (the {@code connections} counters). */
    private static long[] sessionsAndFailures(Cluster cluster) {
        long ok = 0;
        long failed = 0;
        for (MetricsSnapshot snapshot : cluster.metrics().values().values()) {
            ok += snapshot.counters().getOrDefault("connections", 0L);
            failed += snapshot.counters().getOrDefault("connection_failures", 0L);
        }
        return new long[]{ok, failed};
    }

    /** The RSS of every watched process now, in MiB, keeping each one's peak in {@code peaks} (KiB). */
    private String rss(Map<String, Long> peaks) {
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, Long> process : watched.entrySet()) {
            long kib = ResidentMemory.kibOf(process.getValue());
            peaks.merge(process.getKey(), kib, Math::max);
            line.append(process.getKey()).append(' ').append(kib / KIB_PER_MIB).append("  ");
        }
        return line.toString().strip();
    }

    /** The load average of the machine, from /proc/loadavg. */
    private static final class LoadAverage {
        static String now() {
            try {
                String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return fields[0] + " " + fields[1] + " " + fields[2];
            } catch (java.io.IOException e) {
                return "-";
            }
        }
    }
}
