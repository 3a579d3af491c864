package io.amoc.command;

import io.amoc.cluster.ClusterResult;

import java.util.Optional;

/**
 * What a stop did: each node's answer and, when it stopped a run this layer started, the run's summary.
 *
 * @param nodes   each node's answer, in node order (down ones named as failures)
 * @param summary the run's summary (a node that left during it is in it, marked); empty when no run was started
 */
public record RunStopped(ClusterResult<Void> nodes, Optional<RunSummary> summary) {
}
