package io.amoc.engine;

/** Users are added or removed on a node where no scenario runs. */
public final class NoScenarioRunningException extends Exception {

    public NoScenarioRunningException(String node) {
        super("no scenario is running on " + node + ": start one with local.do(Name, From, To) or dist.do(...)");
    }
}
