package io.amoc.cluster;

import java.util.List;

/**
 * The slave nodes a master drives: its members in the order they joined (the round-robin order), whether each is
 * up, and a {@link Cluster} over the ones that are up. The transport (RMI in amoc-rmi) implements it; the master's
 * command layer sees only this.
 */
public interface Slaves extends AutoCloseable {

    /** The cluster over the members that are up, in order. */
    Cluster cluster();

    /** Every member, up or down, with when it was last seen and its last known status, in order. */
    List<NodeView> nodes();

    /** Adds a member at the end of the order; it is up when this returns if it answered. */
    NodeView connect(String address) throws BadNodeAddressException, DuplicateNodeException;

    /**
     * Takes a slave over from whichever master holds it (one that crashed, say), stopping that master's users there,
     * and adds it if it is not a member yet.
     */
    TakeOver takeOver(String address) throws BadNodeAddressException, NodeException, UnknownNodeException;

    /**
     * Forgets a member and releases it: it stops its users and is free for another master. False when it did not
     * confirm (its users then stop after its silence timeout).
     */
    boolean disconnect(String address) throws BadNodeAddressException, UnknownNodeException;

    /** Something the operator should know about the slave side (e.g. TLS material that expires soon). */
    default java.util.Optional<String> warning() {
        return java.util.Optional.empty();
    }

    /** Stops watching the members (they stop their users once they notice their master is silent). */
    @Override
    void close();

    /** Starts the slave side of a master from its configuration (e.g. connecting config {@code hosts}). */
    @FunctionalInterface
    interface Factory {
        Slaves start(io.amoc.config.Config config) throws BadNodeAddressException, ClusterAccessException;
    }
}
