package io.amoc.rmi.tls;

/** The cluster's TLS material is missing, unreadable or expired; the message is one line that says how to fix it. */
public final class TlsMaterialException extends io.amoc.cluster.ClusterAccessException {

    public TlsMaterialException(String message) {
        super(message);
    }

    public TlsMaterialException(String message, Throwable cause) {
        super(message, cause);
    }
}
