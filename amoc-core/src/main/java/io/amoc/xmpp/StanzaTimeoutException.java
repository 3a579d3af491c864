package io.amoc.xmpp;

import java.time.Duration;

/** No stanza matching what a user waited for arrived in time. */
public final class StanzaTimeoutException extends Exception {

    /** Nothing matching {@code what} arrived within {@code timeout}. */
    public StanzaTimeoutException(String what, Duration timeout) {
        super("no " + what + " within " + timeout.toMillis() + " ms");
    }
}
