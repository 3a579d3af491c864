package io.amoc.rmi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.server.RMIServerSocketFactory;
import java.util.Objects;

/** Listens on one address only (the slave's {@code --bind}), so a slave is reachable exactly where it says. */
public final class BoundServerSocketFactory implements RMIServerSocketFactory {

    private static final int BACKLOG = 50;

    private final InetAddress address;
    private volatile int lastPort = -1;

    public BoundServerSocketFactory(InetAddress address) {
        this.address = Objects.requireNonNull(address);
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        ServerSocket socket = new ServerSocket(port, BACKLOG, address);
        lastPort = socket.getLocalPort();
        return socket;
    }

    /** The port of the last socket opened (the real one when asked for port 0), or -1. */
    public int lastPort() {
        return lastPort;
    }
}
