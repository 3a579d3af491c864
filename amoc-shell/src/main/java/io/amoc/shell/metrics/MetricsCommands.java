package io.amoc.shell.metrics;

import io.amoc.cluster.Cluster;
import io.amoc.cluster.ClusterListener;
import io.amoc.config.Config;
import io.amoc.metrics.GraphiteAnnotations;
import io.amoc.metrics.GraphiteTarget;
import io.amoc.metrics.MetricsReporting;
import io.amoc.metrics.NodeMetrics;
import io.amoc.shell.Reply;
import io.amoc.shell.command.BadArgumentException;
import io.amoc.shell.command.Command;
import io.amoc.shell.command.CommandGroup;

import org.jline.terminal.Terminal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code metrics}, {@code watch}, {@code dist.metrics} and {@code dist.watch}; and, for as long as the shell lives,
 * this JVM's Graphite reporter and the Graphite annotations of the clusters' starts, adds and removes.
 * A {@code config.set} of a graphite_* key restarts them with the new values.
 */
public final class MetricsCommands implements CommandGroup {

    /** How often {@code watch} redraws. */
    public static final Duration REFRESH = Duration.ofSeconds(1);
    private static final String GRAPHITE_KEYS = "graphite_";

    private final Cluster local;
    private final Supplier<Optional<Cluster>> dist;
    private final Config config;
    private final ClusterListener annotationsListener = new ClusterListener() {
        @Override
        public void started(String scenario, String comment, long from, long to, int nodes) {
            annotations.ifPresent(a -> a.started(scenario, comment, from, to, nodes));
        }

        @Override
        public void added(String scenario, long from, long to, int nodes) {
            annotations.ifPresent(a -> a.added(scenario, from, to, nodes));
        }

        @Override
        public void removed(String scenario, long count, int nodes) {
            annotations.ifPresent(a -> a.removed(scenario, count, nodes));
        }
    };
    private final MetricsReporting reporting;
    private volatile Optional<GraphiteAnnotations> annotations;

    /**
     * @param local the cluster of one inside this JVM
     * @param dist  the slaves' cluster, once the master's side started (empty before)
     */
    public MetricsCommands(Cluster local, Supplier<Optional<Cluster>> dist, Config config) {
        this.local = local;
        this.dist = dist;
        this.config = config;
        this.reporting = MetricsReporting.startFromConfig(NodeMetrics.current(), config);
        this.annotations = GraphiteAnnotations.fromConfig(config);
        local.addListener(annotationsListener);
    }

    /** Marks a cluster's starts, adds and removes in Graphite (when graphite_endpoint is set); e.g. the slaves'. */
    public ClusterListener annotations() {
        return annotationsListener;
    }

    @Override
    public List<Command> commands() {
        return List.of(
                Command.of("metrics", "this node's counters (count, rate) and times (p50/p95/p99/max)",
                        args -> Reply.ok(MetricsView.render(Sample.of(local).snapshot()))),
                Command.of("watch", "live view of this node every second until a key is pressed",
                        args -> watch(() -> Sample.of(local))),
                Command.of("dist.metrics", "the slaves' metrics merged: counters summed, histograms merged",
                        args -> distMetrics()),
                Command.of("dist.watch", "live view of the slaves merged, every second until a key is pressed",
                        args -> {
                            Cluster slaves = slaves("dist.watch");
                            return watch(() -> Sample.of(slaves));
                        }));
    }

    @Override
    public void configChanged(String key, Object value) {
        if (!key.startsWith(GRAPHITE_KEYS)) {
            return;
        }
        GraphiteTarget.fromConfig(config);
        reporting.refresh();
        annotations.ifPresent(GraphiteAnnotations::close);
        annotations = GraphiteAnnotations.fromConfig(config);
    }

    @Override
    public void close() {
        reporting.close();
        annotations.ifPresent(GraphiteAnnotations::close);
    }

    private Reply distMetrics() throws BadArgumentException {
        Sample sample = Sample.of(slaves("dist.metrics"));
        return Reply.ok(MetricsView.renderCluster(sample.snapshot(), sample.answered(), sample.failed()));
    }

    private Cluster slaves(String command) throws BadArgumentException {
        return dist.get().orElseThrow(() -> new BadArgumentException(command
                + ": no slaves yet: start a run with dist.do, or connect one with dist.connect(\"host:port\")"));
    }

    /** Live on the console's terminal; elsewhere (a script, an attached client) one frame over one refresh. */
    private static Reply watch(Supplier<Sample> source) throws InterruptedException, IOException {
        Optional<Terminal> terminal = ConsoleTerminal.current();
        if (terminal.isPresent()) {
            WatchLoop.run(terminal.get(), source, REFRESH);
            return Reply.ok("");
        }
        Sample first = source.get();
        Thread.sleep(REFRESH.toMillis());
        Sample second = source.get();
        return Reply.ok(WatchFrame.render(first.snapshot(), second.snapshot(), footer(second,
                "one frame: watch redraws only in an interactive console (in scripts use metrics)")));
    }

    private static String footer(Sample sample, String note) {
        return sample.missing().isEmpty() ? note : sample.missing() + "\n" + note;
    }
}
