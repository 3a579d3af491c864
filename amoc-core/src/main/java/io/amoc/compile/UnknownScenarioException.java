package io.amoc.compile;

import java.util.Collection;

/** No source in the scenario path defines a scenario of that name. */
public class UnknownScenarioException extends Exception {

    public UnknownScenarioException(String name, Collection<String> known) {
        super("unknown scenario '" + name + "'" + (known.isEmpty()
                ? ": the scenario path has no scenarios (add .java files, or --scenarios DIR)"
                : ": known are " + String.join(", ", known) + " (type 'scenarios' to list them)"));
    }

    /** For the subclasses, which say more precisely what is wrong with the name. */
    UnknownScenarioException(String message, boolean exactMessage) {
        super(message);
    }
}
