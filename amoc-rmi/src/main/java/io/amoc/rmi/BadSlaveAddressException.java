package io.amoc.rmi;

/** A slave address that is not {@code host:port}. */
public final class BadSlaveAddressException extends io.amoc.cluster.BadNodeAddressException {

    public BadSlaveAddressException(String text) {
        super("'" + text + "' is not a slave address: write \"host:port\", e.g. \"10.0.0.5:1099\"");
    }
}
