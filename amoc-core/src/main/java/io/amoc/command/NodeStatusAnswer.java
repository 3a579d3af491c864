package io.amoc.command;

import io.amoc.cluster.NodeResult;
import io.amoc.engine.NodeStatus;

/**
 * One node's status, asked for by name.
 *
 * @param target the target the node belongs to: the master's own node, or a slave
 * @param node   its name
 * @param status its status, or why it did not answer (a slave that is down)
 */
public record NodeStatusAnswer(Target target, String node, NodeResult<NodeStatus> status) {
}
