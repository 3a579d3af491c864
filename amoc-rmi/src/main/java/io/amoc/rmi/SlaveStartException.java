package io.amoc.rmi;

/** A slave could not start listening; the message says why and what to change. */
public final class SlaveStartException extends Exception {

    public SlaveStartException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
