package io.amoc.engine;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A run as its users see it, for the XMPP helpers (the engine never imports them): the id the master gives each run
 * and pushes to its nodes with the start, and whether the node drains (before a stop, stamped messages are no longer
 * sent while those in flight arrive). A message stamped with another run's id is stale, never timed.
 */
public final class CurrentRun {

    /**
     * The start's settings carry the run's id under this name; it is not a config key (no key holds '@'), so it never
     * reaches a node's configuration.
     */
    public static final String ID_SETTING = "@run_id";
    private static final int ID_BYTES = 6;
    private static final SecureRandom IDS = new SecureRandom();
    /** Off a user's thread (tests, a scenario's init): the empty id, never draining. */
    private static final CurrentRun NONE = new CurrentRun("");

    private final String id;
    private volatile boolean draining;

    CurrentRun(String id) {
        this.id = id;
    }

    /** A new run id: 12 lowercase hex digits. */
    public static String newId() {
        byte[] bytes = new byte[ID_BYTES];
        IDS.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The run of the user whose thread calls this; off a user's thread, a run with the empty id that never drains. */
    public static CurrentRun ofThisUser() {
        User user = User.current();
        return user == null ? NONE : user.currentRun();
    }

    /** The run's id (empty off a user's thread). */
    public String id() {
        return id;
    }

    /** True once the node drains this run before its stop: stamped messages are no longer sent. */
    public boolean draining() {
        return draining;
    }

    void drain() {
        draining = true;
    }
}
