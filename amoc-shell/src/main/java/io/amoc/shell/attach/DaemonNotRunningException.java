package io.amoc.shell.attach;

/** No daemon answers: no socket, a stale socket, or no live process behind the pid file. */
public final class DaemonNotRunningException extends Exception {

    public DaemonNotRunningException(String message) {
        super(message);
    }

    public DaemonNotRunningException(String message, Throwable cause) {
        super(message, cause);
    }
}
