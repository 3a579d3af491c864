package io.amoc.cluster;

/**
 * The master cannot talk to any slave (e.g. the cluster's TLS material is missing or expired); the message is one
 * line that says how to fix it.
 */
public class ClusterAccessException extends Exception {

    public ClusterAccessException(String message) {
        super(message);
    }

    public ClusterAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
