package io.amoc.xmpp;

/**
 * A user could not connect or log in: wrong password, server unreachable, TLS refused, timeout.
 * It has been counted in {@code amoc.counters.connection_failures} already.
 */
public final class XmppLoginException extends Exception {

    private final long userId;
    private final String username;

    /** The login of {@code username} (user {@code userId}) failed for {@code reason}. */
    public XmppLoginException(long userId, String username, String reason, Throwable cause) {
        super("user " + userId + " (" + username + ") could not log in: " + reason, cause);
        this.userId = userId;
        this.username = username;
    }

    /** The amoc user id. */
    public long userId() {
        return userId;
    }

    /** The XMPP username that failed. */
    public String username() {
        return username;
    }
}
