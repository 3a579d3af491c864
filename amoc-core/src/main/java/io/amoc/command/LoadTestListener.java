package io.amoc.command;

import io.amoc.cluster.ClusterResult;
import io.amoc.engine.NodeStatus;

import java.time.Duration;

/** What a front end hears while a load test runs, to show its progress (and, while it starts, its init's). */
public interface LoadTestListener extends StartListener {

    /** Hears nothing. */
    LoadTestListener NONE = new LoadTestListener() {
    };

    /**
     * The run started (on some nodes, or on none: see each node's answer).
     *
     * @param interarrival the milliseconds between two user starts on each node during the run
     */
    default void started(RunStarted started, long interarrival) {
    }

    @Override
    default void initRunning(String scenario, Duration elapsed) {
    }

    /** The run goes on: every {@link LoadTest#PROGRESS_EVERY}, each node's status. */
    default void running(Duration elapsed, ClusterResult<NodeStatus> statuses) {
    }
}
