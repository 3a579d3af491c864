package io.amoc.engine;

import java.util.List;

/**
 * A new run cannot start on a node while users of its last run still live: they ignored being stopped (they do not
 * end when interrupted) and outlived the grace period again. They would log in as the new run's users do.
 */
public final class StragglersStillAliveException extends Exception {

    /** Ids named in the message at most. */
    private static final int IDS_SHOWN = 5;

    public StragglersStillAliveException(String node, String scenario, List<Long> ids) {
        super(ids.size() + (ids.size() == 1 ? " user" : " users") + " of the last run of " + scenario + " on " + node
                + " still " + (ids.size() == 1 ? "runs" : "run") + " after being stopped (" + shown(ids)
                + "): they ignore interruption; a new run starts once they end (status shows them as stragglers)");
    }

    private static String shown(List<Long> ids) {
        List<Long> sorted = ids.stream().sorted().toList();
        String first = sorted.stream().limit(IDS_SHOWN).map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
        return (sorted.size() == 1 ? "id " : "ids ") + first + (sorted.size() > IDS_SHOWN ? ", ..." : "");
    }
}
