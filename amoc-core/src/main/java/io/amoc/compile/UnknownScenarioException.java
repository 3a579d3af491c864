package io.amoc.compile;

import java.util.Collection;
import java.util.Locale;

/** No source in the scenario path defines a scenario of that name. */
public class UnknownScenarioException extends Exception {

    public UnknownScenarioException(String name, Collection<String> known) {
        super("unknown scenario '" + name + "'" + (known.isEmpty()
                ? ": the scenario path has no scenarios (add .java files, or --scenarios DIR)"
                : sameButForCase(name, known) + ": known are " + String.join(", ", known)));
    }

    /** Scenario names are class names, which differ by case only when someone typed one in the wrong case. */
    private static String sameButForCase(String name, Collection<String> known) {
        String lower = name.toLowerCase(Locale.ROOT);
        return known.stream().filter(k -> k.toLowerCase(Locale.ROOT).equals(lower)).findFirst()
                .map(k -> " (names are case-sensitive: did you mean " + k + "?)").orElse("");
    }

    /** For the subclasses, which say more precisely what is wrong with the name. */
    UnknownScenarioException(String message, boolean exactMessage) {
        super(message);
    }
}
