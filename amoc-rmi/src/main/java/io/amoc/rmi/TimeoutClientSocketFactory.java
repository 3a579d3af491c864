package io.amoc.rmi;

import java.io.IOException;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.rmi.server.RMIClientSocketFactory;

/**
 * Opens the master's sockets to a slave with a connect timeout and a read timeout ({@link RmiTimeouts}).
 * It has no state of its own: it travels inside the slave's stub, and the master's own timeouts apply.
 */
public final class TimeoutClientSocketFactory implements RMIClientSocketFactory, Serializable {

    private static final long serialVersionUID = 1L;

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        RmiTimeouts timeouts = RmiTimeouts.current();
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(timeouts.connect().toMillis()));
            socket.setSoTimeout(Math.toIntExact(timeouts.read().toMillis()));
            socket.setTcpNoDelay(true);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimeoutClientSocketFactory;
    }

    @Override
    public int hashCode() {
        return TimeoutClientSocketFactory.class.hashCode();
    }
}
