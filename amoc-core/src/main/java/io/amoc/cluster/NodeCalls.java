package io.amoc.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Calls every node at once and gathers one result per node; a failing node never stops the others. An interrupted
 * caller (a cancelled command) stops waiting: the nodes' calls are interrupted in turn and answer as cancelled.
 */
final class NodeCalls {

    /** One call on one node. */
    @FunctionalInterface
    interface NodeCall<T> {
        T call(NodeHandle node) throws NodeException;
    }

    private NodeCalls() {
    }

    static <T> ClusterResult<T> each(List<NodeHandle> nodes, NodeCall<T> call) {
        Map<String, NodeResult<T>> results = new LinkedHashMap<>();
        if (nodes.size() == 1) {
            results.put(nodes.get(0).name(), one(nodes.get(0), call));
            return new ClusterResult<>(results);
        }
        Map<String, Future<NodeResult<T>>> pending = new LinkedHashMap<>();
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            for (NodeHandle node : nodes) {
                pending.put(node.name(), calls.submit(() -> one(node, call)));
            }
            pending.forEach((name, future) -> results.put(name, await(future)));
        }
        return new ClusterResult<>(results);
    }

    static <T> NodeResult<T> one(NodeHandle node, NodeCall<T> call) {
        try {
            return new NodeResult.Ok<>(call.call(node));
        } catch (NodeException e) {
            return new NodeResult.Failed<>(e.getMessage());
        } catch (RuntimeException e) {
            return new NodeResult.Failed<>(node.name() + " failed: " + e);
        }
    }

    private static <T> NodeResult<T> await(Future<NodeResult<T>> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            return new NodeResult.Failed<>("the call failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NodeResult.Failed<>("cancelled while waiting for its answer (it may still do what it was asked)");
        }
    }
}
