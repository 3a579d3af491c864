package io.amoc.cluster;

import io.amoc.compile.ScenarioBundle;
import io.amoc.engine.FailureGroup;
import io.amoc.engine.IdRange;
import io.amoc.engine.NodeRunInfo;
import io.amoc.engine.NodeStatus;
import io.amoc.engine.RemovalReport;
import io.amoc.metrics.MetricsSnapshot;

import java.util.List;
import java.util.Map;

/**
 * The master's view of one node: the node inside this JVM (local mode) or a slave over RMI.
 * Every method either does its work or throws a {@link NodeException} whose message is a one-line reason.
 */
public interface NodeHandle {

    /** The node's name, as shown in {@code nodes} and {@code status} (e.g. {@code local} or {@code host:port}). */
    String name();

    /** Loads the scenario in a fresh class loader, applies {@code settings} to the node's config, runs {@code init}. */
    void start(ScenarioBundle bundle, Map<String, Object> settings) throws NodeException;

    /** Starts users with these ids, paced by {@code interarrival}; returns once they are queued. */
    void addUsers(IdRange ids) throws NodeException;

    /** Up to {@code count} of the highest ids of the run's users that are live or still queued, highest first. */
    long[] highestLiveIds(int count) throws NodeException;

    /**
     * Stops the users with these ids: gently (after their current iteration) or by interrupting them. Ids still
     * queued are dropped and never start.
     */
    RemovalReport removeUsers(long[] ids, boolean force) throws NodeException;

    /**
     * Drains the run before its stop: its users send no more stamped messages while those in flight arrive. Default:
     * nothing to drain.
     */
    default void drain() throws NodeException {
    }

    /** Stops every user and calls the scenario's {@code terminate} once. */
    void stop() throws NodeException;

    /** The node's state and counts. */
    NodeStatus status() throws NodeException;

    /** The node's metrics, for the cluster view (histograms are merged, never percentiles averaged). */
    MetricsSnapshot metrics() throws NodeException;

    /** Sets a run-time config value on the node. */
    void setConfig(String key, Object value) throws NodeException;

    /** The last {@code count} lines the node's JVM logged, oldest first. */
    default List<String> recentLogLines(int count) throws NodeException {
        throw new NodeException(name(), "this node keeps no log lines", null);
    }

    /** The users of the node's current (or last) run that failed, grouped by cause, the largest group first. */
    List<FailureGroup> failures() throws NodeException;

    /** The node's Java and amoc version, and when its generator was overloaded during its current (or last) run. */
    NodeRunInfo runInfo() throws NodeException;
}
