package io.amoc.metrics;

import io.amoc.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * What a JVM that runs a node starts for its metrics: the Graphite reporter, when config {@code graphite_host} asks
 * for one. Started where the console, the daemon and the slave start; closing it stops the reporter.
 */
public final class MetricsReporting implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsReporting.class);

    private final Optional<GraphiteReporter> reporter;

    private MetricsReporting(Optional<GraphiteReporter> reporter) {
        this.reporter = reporter;
    }

    /**
     * Starts reporting {@code metrics} to the Graphite that {@code config} names; nothing when {@code graphite_host}
     * is not set. Bad graphite_* values are logged and leave reporting off: they never stop the node.
     */
    public static MetricsReporting startFromConfig(NodeMetrics metrics, Config config) {
        try {
            return new MetricsReporting(GraphiteTarget.fromConfig(config).map(t -> GraphiteReporter.start(metrics, t)));
        } catch (RuntimeException badConfig) {
            LOG.warn("metrics are not reported to Graphite: {}", badConfig.getMessage());
            return new MetricsReporting(Optional.empty());
        }
    }

    /** Whether a reporter runs. */
    public boolean reporting() {
        return reporter.isPresent();
    }

    @Override
    public void close() {
        reporter.ifPresent(GraphiteReporter::close);
    }
}
