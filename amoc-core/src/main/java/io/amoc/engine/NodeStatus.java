package io.amoc.engine;

import java.io.Serializable;

/**
 * A snapshot of one node.
 *
 * @param node          the node's name
 * @param state         where the scenario is in its life
 * @param failureReason why the node is {@code failed}, else null
 * @param scenario      the scenario's simple name, or null when idle
 * @param sha256        the running scenario version, or null
 * @param usersAlive    users whose thread is alive now
 * @param highestId     the highest id ever given out on this node in this run (0 if none)
 * @param failures      users that ended with an exception
 * @param spawned       users started so far in this run
 * @param pending       users asked for and not started yet (the spawn queue)
 */
public record NodeStatus(String node, NodeState state, String failureReason, String scenario, String sha256,
                         long usersAlive, long highestId, long failures, long spawned, long pending)
        implements Serializable {

    /** The state as users read it: {@code running}, or {@code failed(reason)}. */
    public String stateLabel() {
        return state == NodeState.FAILED ? "failed(" + failureReason + ")" : state.label();
    }
}
