package io.amoc.compile;

/** No source in the scenario path defines a scenario of that name. */
public final class UnknownScenarioException extends Exception {

    public UnknownScenarioException(String name, java.util.Collection<String> known) {
        super("unknown scenario '" + name + "'" + (known.isEmpty()
                ? ": the scenario path has no scenarios (add .java files, or --scenarios DIR)"
                : ": known are " + String.join(", ", known) + " (type 'scenarios' to list them)"));
    }
}
