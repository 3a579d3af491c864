package io.amoc.cluster;

import io.amoc.compile.ScenarioBundle;
import io.amoc.engine.NodeState;
import io.amoc.engine.NodeStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * A node that joins (or comes back) while a scenario runs gets that scenario and the run-time settings, unless it
 * already runs that very version; it then takes its share of later {@code add}s.
 */
public final class CatchUpOnJoin implements NodeUpListener {

    private static final Logger LOG = LoggerFactory.getLogger(CatchUpOnJoin.class);

    private final Cluster cluster;

    public CatchUpOnJoin(Cluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public void cameUp(MonitoredNode node, NodeStatus status) {
        Optional<ScenarioBundle> running = cluster.running();
        if (running.isEmpty() || runsAlready(status, running.get())) {
            return;
        }
        ScenarioBundle bundle = running.get();
        try {
            node.start(bundle, cluster.runSettings());
            LOG.info("{} joined a running {}: scenario installed and started, it gets users from the next add",
                    node.name(), bundle.scenarioName());
        } catch (NodeException e) {
            LOG.warn("{} joined a running {} but could not start it: {}", node.name(), bundle.scenarioName(), e.getMessage());
        }
    }

    private static boolean runsAlready(NodeStatus status, ScenarioBundle bundle) {
        return status.state() == NodeState.RUNNING && bundle.sha256().equalsIgnoreCase(String.valueOf(status.sha256()));
    }
}
