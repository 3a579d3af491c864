package io.amoc.cluster;

import java.util.Locale;

/** Whether the master hears a node's heartbeats. */
public enum Liveness {
    UP, DOWN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
