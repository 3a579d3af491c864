package io.amoc.command;

import io.amoc.cluster.ClusterResult;

import java.util.Optional;

/**
 * What a stop did: each node's answer and, when every node stopped a run this layer started, the run's summary.
 *
 * @param nodes   each node's answer, in node order (down ones named as failures)
 * @param summary the run's summary; empty when no run was started, or a node failed to stop
 */
public record RunStopped(ClusterResult<Void> nodes, Optional<RunSummary> summary) {
}
