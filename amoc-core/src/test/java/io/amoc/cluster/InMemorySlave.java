package io.amoc.cluster;

import io.amoc.compile.ScenarioBundle;
import io.amoc.engine.IdRange;
import io.amoc.engine.NodeState;
import io.amoc.engine.NodeStatus;
import io.amoc.engine.RemovalReport;
import io.amoc.metrics.MetricsSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A slave in memory: records what it was asked, answers heartbeats unless told it is unreachable. */
final class InMemorySlave implements MonitoredNode {

    private final String name;
    volatile boolean reachable = true;
    volatile ScenarioBundle running;
    volatile Map<String, Object> settings;
    final List<IdRange> added = new ArrayList<>();
    int heartbeats;

    InMemorySlave(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    private void answer() throws NodeException {
        if (!reachable) {
            throw new NodeUnreachableException(name, new java.io.IOException("connection refused"));
        }
    }

    @Override
    public synchronized NodeStatus heartbeat() throws NodeException {
        answer();
        heartbeats++;
        return status();
    }

    @Override
    public synchronized void start(ScenarioBundle bundle, Map<String, Object> settings) throws NodeException {
        answer();
        this.running = bundle;
        this.settings = Map.copyOf(settings);
    }

    @Override
    public synchronized void addUsers(IdRange ids) throws NodeException {
        answer();
        added.add(ids);
    }

    @Override
    public long[] highestLiveIds(int count) {
        return new long[0];
    }

    @Override
    public RemovalReport removeUsers(long[] ids, boolean force) {
        return new RemovalReport(List.of(), List.of());
    }

    @Override
    public void stop() {
        running = null;
    }

    @Override
    public synchronized NodeStatus status() throws NodeException {
        answer();
        ScenarioBundle bundle = running;
        return new NodeStatus(name, bundle == null ? NodeState.IDLE : NodeState.RUNNING, null,
                bundle == null ? null : bundle.scenarioName(), bundle == null ? null : bundle.sha256(),
                0, 0, 0, 0, 0);
    }

    @Override
    public MetricsSnapshot metrics() {
        return new MetricsSnapshot(name, 0, 0, Map.of(), Map.of(), Map.of());
    }

    @Override
    public void setConfig(String key, Object value) {
    }

    @Override
    public List<io.amoc.engine.FailureGroup> failures() {
        return List.of();
    }

    @Override
    public io.amoc.engine.NodeRunInfo runInfo() {
        return new io.amoc.engine.NodeRunInfo("21 (in memory)", "test", List.of());
    }
}
