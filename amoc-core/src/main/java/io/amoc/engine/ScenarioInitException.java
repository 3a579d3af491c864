package io.amoc.engine;

/** A scenario's {@code init} threw: the run is aborted on that node and no user starts there. */
public final class ScenarioInitException extends Exception {

    public ScenarioInitException(String scenario, Throwable cause) {
        super(scenario + ".init() failed: " + cause, cause);
    }
}
