package io.amoc.engine;

import io.amoc.compile.ScenarioBundle;

import java.util.Map;

/**
 * One node's engine: the scenario state, the users and the spawn loop. Local mode calls it directly;
 * a slave's RMI server calls the same methods. Every method returns promptly; spawning runs in the background.
 */
public final class NodeController {

    private final String name;

    public NodeController(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Loads the scenario in a fresh class loader, applies settings, runs {@code init}; the node is then running. */
    public void start(ScenarioBundle bundle, Map<String, Object> settings)
            throws ScenarioAlreadyRunningException, ScenarioInitException {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Queues users with these ids for the spawn loop. */
    public void addUsers(IdRange ids) throws NoScenarioRunningException {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Up to {@code count} of the highest live ids, highest first. */
    public long[] highestLiveIds(int count) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Stops these users: gently (finish the current iteration) or forced (interrupt, report stragglers after 2 s). */
    public RemovalReport removeUsers(long[] ids, boolean force) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Stops all users, calls {@code terminate} once; the node is then finished. */
    public void stop() {
        throw new UnsupportedOperationException("not built yet");
    }

    public NodeStatus status() {
        throw new UnsupportedOperationException("not built yet");
    }
}
