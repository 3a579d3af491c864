package io.amoc.xmpp;

import org.jivesoftware.smack.SmackException;

/**
 * The server ended a session that nobody on this side asked to end, without a stream error: it closed the stream
 * ({@code </stream:stream>}) or the TCP connection. Smack's {@code ConnectionListener.connectionClosedOnError}
 * receives it (a stream error arrives there as Smack's {@code XMPPException.StreamErrorException} instead).
 */
public final class ServerClosedConnectionException extends SmackException {

    private static final long serialVersionUID = 1L;

    /** The server closed the session; {@code how} says what it did, e.g. "the server closed the stream". */
    public ServerClosedConnectionException(String how) {
        super(how);
    }

    /** The same, with the exception that showed it (e.g. an end of stream inside a stanza). */
    public ServerClosedConnectionException(String how, Throwable cause) {
        super(how, cause);
    }
}
