package io.amoc.cluster;

import io.amoc.engine.NodeStatus;

import java.time.Instant;
import java.util.Optional;

/**
 * What the master knows of one node, for {@code nodes}.
 *
 * @param node       the node's name
 * @param liveness   up or down
 * @param lastSeen   the last successful heartbeat, empty if never
 * @param lastStatus the status the last successful heartbeat brought, empty if never
 * @param problem    why the last heartbeat failed, empty when it succeeded
 */
public record NodeView(String node, Liveness liveness, Optional<Instant> lastSeen, Optional<NodeStatus> lastStatus,
                       Optional<String> problem) {

    public boolean up() {
        return liveness == Liveness.UP;
    }
}
