package io.amoc.xmpp;

/**
 * A user's connection was lost after login (the server closed it, a stream error such as {@code conflict}, a network
 * error): the cause its user fails with, grouped in {@code failures} by the server's condition and text. Its stack
 * trace is where the scenario opened the connection.
 */
final class ConnectionLostException extends Exception {

    private static final long serialVersionUID = 1L;

    ConnectionLostException(String username, String reason, Throwable cause, StackTraceElement openedAt) {
        super(username + " lost its connection: " + reason, cause);
        setStackTrace(openedAt == null ? new StackTraceElement[0] : new StackTraceElement[]{openedAt});
    }
}
