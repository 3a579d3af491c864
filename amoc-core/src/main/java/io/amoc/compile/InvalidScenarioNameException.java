package io.amoc.compile;

/** A scenario name that cannot name a Java class (e.g. {@code ../x}); it is never looked up on disk. */
public final class InvalidScenarioNameException extends UnknownScenarioException {

    public InvalidScenarioNameException(String name) {
        super("'" + name + "' is not a scenario name: use the simple name of the scenario's class, e.g. MyScenario"
                + " (letters, digits and '_', no path)", true);
    }
}
