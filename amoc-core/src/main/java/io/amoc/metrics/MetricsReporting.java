package io.amoc.metrics;

import io.amoc.config.Config;

/** What a JVM that runs a node starts for its metrics: the Graphite reporter, when config asks for one. */
public final class MetricsReporting {

    private MetricsReporting() {
    }

    /**
     * Starts reporting {@code metrics} to the Graphite that config {@code graphite_host} names; nothing when it is
     * not set. Closing the result stops the reporter.
     */
    public static AutoCloseable startFromConfig(NodeMetrics metrics, Config config) {
        return GraphiteTarget.fromConfig(config)
                .<AutoCloseable>map(target -> GraphiteReporter.start(metrics, target))
                .orElse(() -> { });
    }
}
