package io.amoc.cluster;

import io.amoc.compile.ScenarioBundle;
import io.amoc.config.Config;
import io.amoc.engine.FailureGroup;
import io.amoc.engine.IdRange;
import io.amoc.engine.NoScenarioRunningException;
import io.amoc.engine.NodeController;
import io.amoc.engine.NodeRunInfo;
import io.amoc.engine.NodeStatus;
import io.amoc.engine.RemovalReport;
import io.amoc.engine.ScenarioAlreadyRunningException;
import io.amoc.engine.ScenarioInitException;
import io.amoc.engine.StragglersStillAliveException;
import io.amoc.engine.UserIdsReusedException;
import io.amoc.logs.RecentLines;
import io.amoc.metrics.MetricsSnapshot;
import io.amoc.metrics.NodeMetrics;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The node inside this JVM (local mode): the engine's exceptions become {@link NodeException}s with their cause. */
public final class LocalNodeHandle implements NodeHandle {

    private final NodeController controller;

    public LocalNodeHandle(NodeController controller) {
        this.controller = controller;
    }

    public NodeController controller() {
        return controller;
    }

    @Override
    public String name() {
        return controller.name();
    }

    @Override
    public void start(ScenarioBundle bundle, Map<String, Object> settings) throws NodeException {
        try {
            controller.start(bundle, settings);
        } catch (ScenarioAlreadyRunningException | ScenarioInitException | StragglersStillAliveException e) {
            throw translated(e);
        }
    }

    @Override
    public void addUsers(IdRange ids) throws NodeException {
        try {
            controller.addUsers(ids);
        } catch (NoScenarioRunningException | UserIdsReusedException e) {
            throw translated(e);
        }
    }

    @Override
    public long[] highestLiveIds(int count) {
        return controller.highestLiveIds(count);
    }

    @Override
    public RemovalReport removeUsers(long[] ids, boolean force) {
        return controller.removeUsers(ids, force);
    }

    @Override
    public void drain() {
        controller.drain();
    }

    @Override
    public void stop() throws NodeException {
        Optional<String> failed = controller.stop();
        if (failed.isPresent()) {
            throw new NodeException(name(), failed.get(), null);
        }
    }

    @Override
    public NodeStatus status() {
        return controller.status();
    }

    @Override
    public MetricsSnapshot metrics() {
        return NodeMetrics.current().snapshot(name());
    }

    @Override
    public void setConfig(String key, Object value) {
        Config.global().set(key, value);
    }

    @Override
    public List<String> recentLogLines(int count) {
        return RecentLines.last(count);
    }

    @Override
    public List<FailureGroup> failures() {
        return controller.failures();
    }

    @Override
    public NodeRunInfo runInfo() {
        return controller.runInfo();
    }

    private NodeException translated(Exception e) {
        return new NodeException(name(), e.getMessage(), e);
    }
}
