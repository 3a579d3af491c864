package io.amoc.command;

import java.util.Locale;

/** Where a scenario is in its life on this master's nodes, as amoc's {@code GET /scenarios/{name}} told it. */
public enum ScenarioPhase {
    /** It is in the scenario path and runs on no node. */
    LOADED,
    /** Some node runs it (or is terminating it). */
    RUNNING,
    /** It ran and was stopped (or its node failed), and no node runs it now. */
    FINISHED;

    /** {@code loaded}, {@code running}, {@code finished}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
