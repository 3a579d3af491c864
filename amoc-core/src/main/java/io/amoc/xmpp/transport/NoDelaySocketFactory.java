package io.amoc.xmpp.transport;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Sockets for Smack's own connection classes with what {@link LeanConnection}'s have: {@code TCP_NODELAY}, and the
 * local source address when one is set. Smack creates the socket unconnected and connects it itself.
 */
public final class NoDelaySocketFactory extends SocketFactory {

    private final InetAddress source;

    /** Sockets bound to {@code source} (null: the system's choice). */
    public NoDelaySocketFactory(InetAddress source) {
        this.source = source;
    }

    @Override
    public Socket createSocket() throws IOException {
        return XmppSocket.newSocket(source);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return createSocket(address, port);
    }

    private Socket connected(InetSocketAddress server) throws IOException {
        Socket socket = createSocket();
        socket.connect(server);
        return socket;
    }
}
