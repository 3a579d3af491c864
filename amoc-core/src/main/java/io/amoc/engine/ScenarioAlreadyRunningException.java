package io.amoc.engine;

/** A scenario is started on a node where one is already running. */
public final class ScenarioAlreadyRunningException extends Exception {

    public ScenarioAlreadyRunningException(String node, String running) {
        super("scenario " + running + " is already running on " + node + ": stop it first with local.stop() or dist.stop()");
    }
}
