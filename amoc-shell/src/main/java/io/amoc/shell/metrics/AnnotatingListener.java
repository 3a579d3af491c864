package io.amoc.shell.metrics;

import io.amoc.cluster.ClusterListener;
import io.amoc.metrics.GraphiteAnnotations;

/** Hears a cluster's starts, adds and removes and marks them in Graphite. */
public final class AnnotatingListener implements ClusterListener {

    private final GraphiteAnnotations annotations;

    public AnnotatingListener(GraphiteAnnotations annotations) {
        this.annotations = annotations;
    }

    @Override
    public void started(String scenario, String comment, long from, long to, int nodes) {
        annotations.started(scenario, comment, from, to, nodes);
    }

    @Override
    public void added(String scenario, long from, long to, int nodes) {
        annotations.added(scenario, from, to, nodes);
    }

    @Override
    public void removed(String scenario, long count, int nodes) {
        annotations.removed(scenario, count, nodes);
    }
}
