package io.amoc.rmi;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.rmi.NoSuchObjectException;
import java.rmi.NotBoundException;

/**
 * The cause inside a {@code NodeUnreachableException}: a one-line account of what the transport said, keeping the
 * transport's exception as its own cause.
 */
public final class SlaveUnreachable extends IOException {

    SlaveUnreachable(String summary, Throwable transportFailure) {
        super(summary, transportFailure);
    }

    /** A short reason for a transport failure (connection refused, timed out, ...). */
    static SlaveUnreachable of(Throwable failure) {
        return new SlaveUnreachable(summarize(failure), failure);
    }

    private static String summarize(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException) {
                return "TLS handshake failed (" + firstLine(String.valueOf(t.getMessage())) + "): the slave and this"
                        + " master must hold the same TLS material (copy the master's tls_dir to the slave)";
            }
            if (t instanceof ConnectException) {
                return "connection refused (is the slave running?)";
            }
            if (t instanceof SocketTimeoutException) {
                return "no answer in time (" + t.getMessage() + "; see rmi_connect_timeout, rmi_read_timeout)";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof NotBoundException) {
                return "no amoc slave is registered there";
            }
            if (t instanceof NoSuchObjectException) {
                return "the slave restarted; reconnecting";
            }
            if (t.getCause() == null) {
                return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + firstLine(t.getMessage()));
            }
        }
        return "unknown transport failure";
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}
