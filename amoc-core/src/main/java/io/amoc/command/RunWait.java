package io.amoc.command;

import io.amoc.cluster.ClusterResult;
import io.amoc.engine.NodeStatus;

import java.time.Duration;

/**
 * How a wait for a run's end came out.
 *
 * @param ended    true when the run ended: on every node that answered, no user runs and none waits to start
 * @param statuses each node's status when the wait ended
 * @param waited   how long it waited
 */
public record RunWait(boolean ended, ClusterResult<NodeStatus> statuses, Duration waited) {

    /** True when every node that answered has ended ({@link NodeStatus#ended()}). */
    static boolean ended(ClusterResult<NodeStatus> statuses) {
        return statuses.values().values().stream().allMatch(NodeStatus::ended);
    }

    /** Users alive over the nodes that answered. */
    public long usersAlive() {
        return statuses.values().values().stream().mapToLong(NodeStatus::usersAlive).sum();
    }

    /** Users asked for and not started yet over the nodes that answered. */
    public long pending() {
        return statuses.values().values().stream().mapToLong(NodeStatus::pending).sum();
    }
}
