package io.amoc.http;

/** The API cannot listen where it is configured to (the port is taken, the address is not this machine's). */
public final class ApiStartException extends Exception {

    public ApiStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
