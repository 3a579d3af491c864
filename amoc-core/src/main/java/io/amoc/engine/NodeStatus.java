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
 * @param stragglers    users stopped by force (removed, or their run stopped) and still alive after the grace period:
 *                      they ignore interruption; also counted in {@code usersAlive} until they end
 * @param dropped       the users this node stopped on its own (its master fell silent), until a master stops its run;
 *                      null when none
 * @param overloaded    why the node's load generator is overloaded now (its figures may show the generator, not the
 *                      server), or null while it is healthy or not watched
 */
public record NodeStatus(String node, NodeState state, String failureReason, String scenario, String sha256,
                         long usersAlive, long highestId, long failures, long spawned, long pending, long stragglers,
                         UsersDropped dropped, String overloaded)
        implements Serializable {

    /** A status without stragglers, without users dropped, of a healthy (or unwatched) generator. */
    public NodeStatus(String node, NodeState state, String failureReason, String scenario, String sha256,
                      long usersAlive, long highestId, long failures, long spawned, long pending) {
        this(node, state, failureReason, scenario, sha256, usersAlive, highestId, failures, spawned, pending, 0, null,
                null);
    }

    /** The same status under another node name (a master knows a slave by the address it reached it at). */
    public NodeStatus named(String name) {
        return new NodeStatus(name, state, failureReason, scenario, sha256, usersAlive, highestId, failures, spawned,
                pending, stragglers, dropped, overloaded);
    }

    /**
     * True when the node runs no more users and has none waiting to start: idle, finished, failed, or running with
     * every user ended (a run whose users all finished stays {@code running} until it is stopped).
     */
    public boolean ended() {
        return switch (state) {
            case RUNNING -> usersAlive == 0 && pending == 0;
            case TERMINATING -> false;
            default -> true;
        };
    }

    /** The state as users read it: {@code running}, or {@code failed(reason)}. */
    public String stateLabel() {
        return state == NodeState.FAILED ? "failed(" + failureReason + ")" : state.label();
    }
}
