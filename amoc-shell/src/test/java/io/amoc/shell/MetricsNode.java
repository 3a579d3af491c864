package io.amoc.shell;

import io.amoc.cluster.NodeException;
import io.amoc.cluster.NodeHandle;
import io.amoc.cluster.NodeUnreachableException;
import io.amoc.compile.ScenarioBundle;
import io.amoc.engine.IdRange;
import io.amoc.engine.NodeStatus;
import io.amoc.engine.RemovalReport;
import io.amoc.metrics.MetricsSnapshot;
import io.amoc.metrics.NodeMetrics;

import java.io.IOException;
import java.util.Map;

/**
 * A node at the NodeHandle seam whose metrics are its own registry, or that is down; it runs no users and records the
 * config values it is given.
 */
public final class MetricsNode implements NodeHandle {

    private final String name;
    private final NodeMetrics metrics = new NodeMetrics();
    private volatile boolean down;

    public MetricsNode(String name) {
        this.name = name;
    }

    public NodeMetrics recorded() {
        return metrics;
    }

    public MetricsNode down() {
        down = true;
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public MetricsSnapshot metrics() throws NodeException {
        if (down) {
            throw new NodeUnreachableException(name, new IOException("connection refused"));
        }
        return metrics.snapshot(name);
    }

    @Override
    public void start(ScenarioBundle bundle, Map<String, Object> settings) {
    }

    @Override
    public void addUsers(IdRange ids) {
    }

    @Override
    public long[] highestLiveIds(int count) {
        return new long[0];
    }

    @Override
    public RemovalReport removeUsers(long[] ids, boolean force) {
        return new RemovalReport(java.util.List.of(), java.util.List.of());
    }

    @Override
    public void stop() {
    }

    @Override
    public NodeStatus status() throws NodeException {
        throw new NodeException(name, "not used by the metrics tests", null);
    }

    /** Every config value set on it, as {@code key=value}, in order. */
    public final java.util.List<String> configured = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public java.util.List<io.amoc.engine.FailureGroup> failures() {
        return java.util.List.of();
    }

    @Override
    public void setConfig(String key, Object value) {
        configured.add(key + "=" + value);
    }

    @Override
    public io.amoc.engine.NodeRunInfo runInfo() {
        return new io.amoc.engine.NodeRunInfo("21 (in memory)", "test", java.util.List.of());
    }
}
