package io.amoc.compile;

/** The class a bundle names does not implement {@code io.amoc.scenario.Scenario}. */
public final class NotAScenarioException extends Exception {

    public NotAScenarioException(String className) {
        super(className + " does not implement io.amoc.scenario.Scenario: declare it as"
                + " 'public class X implements Scenario<State>'");
    }
}
