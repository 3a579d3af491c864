package io.amoc.command;

import io.amoc.cluster.ClusterResult;

/**
 * What a start did: the version of the scenario that runs and each node's answer.
 *
 * @param scenario  the scenario's name
 * @param className the class that runs (with its package)
 * @param sha256    the SHA-256 of the compiled classes: the version every node runs
 * @param from      the first user id asked for
 * @param to        the last user id asked for
 * @param nodes     each addressed node's answer, in node order (down ones named as failures)
 */
public record RunStarted(String scenario, String className, String sha256, long from, long to,
                         ClusterResult<Void> nodes) {
}
