package io.amoc.http;

/** The API's configuration cannot be used (e.g. a public address without TLS); the message says how to fix it. */
public final class ApiConfigException extends Exception {

    public ApiConfigException(String message) {
        super(message);
    }

    public ApiConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
