package io.amoc.command;

import io.amoc.cluster.ClusterListener;
import io.amoc.config.Config;
import io.amoc.config.ConfigKeys;
import io.amoc.config.ConfigValueException;
import io.amoc.metrics.GraphiteAnnotations;

import java.util.Optional;

/**
 * Marks the clusters' starts, adds, removes and stops in Graphite while config {@code graphite_endpoint} is set. The endpoint
 * is read at each event, so a {@code config.set} of it applies to the next one.
 */
final class Annotations implements ClusterListener, AutoCloseable {

    private final Config config;
    private String endpoint = "";
    private GraphiteAnnotations current;

    Annotations(Config config) {
        this.config = config;
    }

    @Override
    public void started(String scenario, String comment, long from, long to, int nodes) {
        current().ifPresent(a -> a.started(scenario, comment, from, to, nodes));
    }

    @Override
    public void added(String scenario, long from, long to, int nodes) {
        current().ifPresent(a -> a.added(scenario, from, to, nodes));
    }

    @Override
    public void removed(String scenario, long count, boolean force, int nodes) {
        current().ifPresent(a -> a.removed(scenario, count, force, nodes));
    }

    @Override
    public void stopped(String scenario, int nodes) {
        current().ifPresent(a -> a.stopped(scenario, nodes));
    }

    private synchronized Optional<GraphiteAnnotations> current() {
        String wanted;
        try {
            wanted = ConfigKeys.GRAPHITE_ENDPOINT.find(config).orElse("").trim();
        } catch (ConfigValueException refusedAtSet) {
            wanted = "";
        }
        if (!wanted.equals(endpoint)) {
            close();
            endpoint = wanted;
            current = GraphiteAnnotations.fromConfig(config).orElse(null);
        }
        return Optional.ofNullable(current);
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.close();
            current = null;
        }
        endpoint = "";
    }
}
