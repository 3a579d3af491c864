package io.amoc.cluster;

import io.amoc.engine.NodeStatus;

/** Told when a node joins or comes back: its first successful heartbeat after being new or down. */
@FunctionalInterface
public interface NodeUpListener {

    void cameUp(MonitoredNode node, NodeStatus status);
}
