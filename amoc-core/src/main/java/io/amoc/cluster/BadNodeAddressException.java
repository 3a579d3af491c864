package io.amoc.cluster;

/** A node address that cannot be used (not {@code host:port}); the message shows how to write one. */
public class BadNodeAddressException extends Exception {

    public BadNodeAddressException(String message) {
        super(message);
    }
}
