package io.amoc.shell.attach;

/** The daemon refused this client: a wrong token, another OS user, or a token file this user cannot read. */
public final class AccessRefusedException extends Exception {

    public AccessRefusedException(String message) {
        super(message);
    }

    public AccessRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
