package io.amoc.cluster;

import io.amoc.engine.NodeStatus;

/** A node the master watches with heartbeats (a slave); the beat also brings the node's status for {@code nodes}. */
public interface MonitoredNode extends NodeHandle {

    /** Tells the node its master is alive and returns the node's status. */
    NodeStatus heartbeat() throws NodeException;
}
