package io.amoc.command;

import io.amoc.cluster.Cluster;
import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.RunOptions;

import java.util.List;
import java.util.Optional;

/** The nodes of one target, as {@link RunControl} needs them: the local node, or the slaves ({@link SlaveDirectory}). */
interface RunNodes {

    /** The cluster to call, started if need be; a target without nodes refuses. */
    Cluster cluster() throws CommandException;

    /** The names of every node of the target, up or down, in order; a target without nodes refuses. */
    List<String> names() throws CommandException;

    /** The cluster if it exists yet (the slaves' starts with the first distributed operation). */
    Optional<Cluster> ifStarted();

    /** {@code result} with every addressed node named, down ones as failures. */
    <T> ClusterResult<T> complete(ClusterResult<T> result, RunOptions options);

    /** The node inside the master: always there, never down. */
    static RunNodes local(Cluster cluster) {
        return new RunNodes() {
            @Override
            public Cluster cluster() {
                return cluster;
            }

            @Override
            public List<String> names() {
                return cluster.nodeNames();
            }

            @Override
            public Optional<Cluster> ifStarted() {
                return Optional.of(cluster);
            }

            @Override
            public <T> ClusterResult<T> complete(ClusterResult<T> result, RunOptions options) {
                return result;
            }
        };
    }
}
