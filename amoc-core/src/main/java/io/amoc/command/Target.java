package io.amoc.command;

import java.util.Locale;

/** Where a run's users live: the node inside the master ({@code local}) or the slaves ({@code dist}). */
public enum Target {
    /** The master's own node, a cluster of one. */
    LOCAL,
    /** The slaves, connected from config {@code hosts} or {@code dist.connect}. */
    DIST;

    /** {@code local} or {@code dist}: how the operations are named, e.g. {@code local.add}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name of one of this target's operations, e.g. {@code dist.remove}. */
    public String operation(String verb) {
        return label() + "." + verb;
    }
}
