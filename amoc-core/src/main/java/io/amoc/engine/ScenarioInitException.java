package io.amoc.engine;

/**
 * A scenario's {@code init} threw, was cancelled, or the scenario could not be loaded: the run is aborted on that
 * node.
 */
public final class ScenarioInitException extends Exception {

    public ScenarioInitException(String scenario, Throwable cause) {
        this(scenario + ".init() failed: " + cause, cause, true);
    }

    private ScenarioInitException(String message, Throwable cause, boolean exactMessage) {
        super(message, cause);
    }

    /** The caller gave up on {@code init} (it was interrupted while init ran); init may not have ended. */
    public static ScenarioInitException cancelled(String scenario, boolean stillRunning) {
        return new ScenarioInitException(scenario + ".init() was cancelled" + (stillRunning
                ? " but ignores interruption: its thread still runs (restart amoc to end it); no user started"
                : ": no user started"), null, true);
    }

    /** The scenario class could not be loaded or instantiated (no public no-argument constructor, ...). */
    public static ScenarioInitException cannotLoad(String scenario, Throwable cause) {
        return new ScenarioInitException("cannot load scenario " + scenario + ": " + cause
                + " (a scenario needs a public no-argument constructor)", cause, true);
    }
}
