package io.amoc.xmpp;

/**
 * A user's connection was lost after login (the server closed it, a stream error such as {@code conflict}, a network
 * error): the cause its user fails with, grouped in {@code failures} by the server's condition and text. Its stack
 * trace is the scenario of the user whose connection it was (its class and source file, no line).
 */
final class ConnectionLostException extends Exception {

    private static final long serialVersionUID = 1L;

    ConnectionLostException(String username, String reason, Throwable cause, StackTraceElement scenario) {
        super(username + " lost its connection: " + reason, cause);
        setStackTrace(scenario == null ? new StackTraceElement[0] : new StackTraceElement[]{scenario});
    }
}
