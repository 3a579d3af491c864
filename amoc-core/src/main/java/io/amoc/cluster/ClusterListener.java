package io.amoc.cluster;

/** Hears what the cluster did (e.g. to annotate Graphite). Called after the nodes answered; must return quickly. */
public interface ClusterListener {

    default void started(String scenario, String comment, long from, long to, int nodes) {
    }

    default void added(String scenario, long from, long to, int nodes) {
    }

    /** @param force whether the users were interrupted rather than let finish their iteration */
    default void removed(String scenario, long count, boolean force, int nodes) {
    }

    /** The run of {@code scenario} was stopped on {@code nodes} nodes. */
    default void stopped(String scenario, int nodes) {
    }
}
