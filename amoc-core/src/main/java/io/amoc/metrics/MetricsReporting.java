package io.amoc.metrics;

import io.amoc.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What a JVM that runs a node starts for its metrics: the Graphite reporter that config {@code graphite_host} asks
 * for. It reads the graphite_* keys again every {@link #CONFIG_CHECK} and restarts the reporter when they changed,
 * so a {@code config.set} on the master (which a distributed run pushes to its slaves) takes effect everywhere.
 * Started by the master's command layer ({@code io.amoc.command.Master}) and by a slave's server; closing it stops
 * the reporter.
 */
public final class MetricsReporting implements AutoCloseable {

    /** How often the graphite_* keys are read again. */
    public static final Duration CONFIG_CHECK = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(MetricsReporting.class);

    private final NodeMetrics metrics;
    private final Config config;
    private final Optional<String> node;
    private final ScheduledExecutorService checker;
    private Optional<GraphiteTarget> target = Optional.empty();
    private Optional<GraphiteReporter> reporter = Optional.empty();
    private String lastProblem;

    private MetricsReporting(NodeMetrics metrics, Config config, Optional<String> node) {
        this.metrics = metrics;
        this.config = config;
        this.node = node;
        this.checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "amoc-graphite-config");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts reporting {@code metrics} to the Graphite that {@code config} names (nothing while {@code graphite_host}
     * is not set). Bad graphite_* values are logged and leave reporting off: they never stop the node.
     */
    public static MetricsReporting startFromConfig(NodeMetrics metrics, Config config) {
        return startFromConfig(metrics, config, Optional.empty());
    }

    /**
     * The same for a slave: its node name is appended to the prefix ({@link GraphiteTarget#fromConfig(Config,
     * Optional)}), so that slaves never share one.
     */
    public static MetricsReporting startFromConfig(NodeMetrics metrics, Config config, Optional<String> node) {
        MetricsReporting reporting = new MetricsReporting(metrics, config, node);
        reporting.refresh();
        long period = CONFIG_CHECK.toMillis();
        reporting.checker.scheduleWithFixedDelay(reporting::refresh, period, period, TimeUnit.MILLISECONDS);
        return reporting;
    }

    /** Reads the graphite_* keys now and starts, restarts or stops the reporter if they changed. */
    public synchronized void refresh() {
        Optional<GraphiteTarget> wanted;
        try {
            wanted = GraphiteTarget.fromConfig(config, node);
            lastProblem = null;
        } catch (RuntimeException badConfig) {
            if (!Objects.equals(lastProblem, badConfig.getMessage())) {
                LOG.warn("metrics are not reported to Graphite: {}", badConfig.getMessage());
                lastProblem = badConfig.getMessage();
            }
            wanted = Optional.empty();
        }
        if (wanted.equals(target)) {
            return;
        }
        reporter.ifPresent(GraphiteReporter::close);
        target = wanted;
        reporter = wanted.map(t -> GraphiteReporter.start(metrics, t));
        if (wanted.isEmpty()) {
            LOG.info("metrics reporting to Graphite stopped (graphite_host is not set)");
        }
    }

    /** Where reports go now, if anywhere. */
    public synchronized Optional<GraphiteTarget> target() {
        return target;
    }

    /** Whether a reporter runs. */
    public synchronized boolean reporting() {
        return reporter.isPresent();
    }

    @Override
    public synchronized void close() {
        checker.shutdownNow();
        reporter.ifPresent(GraphiteReporter::close);
        reporter = Optional.empty();
        target = Optional.empty();
    }
}
