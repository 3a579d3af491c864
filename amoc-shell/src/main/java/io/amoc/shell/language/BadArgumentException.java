package io.amoc.shell.language;

/** An argument of the wrong kind or out of range; the message says what it must be and what was given. */
public final class BadArgumentException extends Exception {

    public BadArgumentException(String message) {
        super(message);
    }
}
