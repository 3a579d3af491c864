package io.amoc.rmi;

import io.amoc.rmi.tls.TlsMaterial;

import javax.net.ssl.SSLSocket;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.rmi.Remote;
import java.rmi.server.RMIClientSocketFactory;

/**
 * Clients that do not hold the cluster's material, for the handshake tests: plain TCP, or TLS with the material
 * given (no certificate, another CA's, an expired one). {@link #through} points a real stub at them.
 */
final class ClientSockets implements RMIClientSocketFactory {

    private static final int CONNECT_MILLIS = 2_000;
    private static final int READ_MILLIS = 5_000;

    private final TlsMaterial material;
    private final String name;

    private ClientSockets(TlsMaterial material, String name) {
        this.material = material;
        this.name = name;
    }

    static ClientSockets plain() {
        return new ClientSockets(null, "plain TCP");
    }

    static ClientSockets tls(TlsMaterial material, String name) {
        return new ClientSockets(material, name);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), CONNECT_MILLIS);
        socket.setSoTimeout(READ_MILLIS);
        if (material == null) {
            return socket;
        }
        SSLSocket tls = (SSLSocket) material.context().getSocketFactory().createSocket(socket, host, port, true);
        tls.setUseClientMode(true);
        ClusterTls.configure(tls);
        tls.startHandshake();
        return tls;
    }

    /** The same remote object, reached through {@code sockets} instead of the factory its stub came with. */
    @SuppressWarnings("unchecked")
    static <T extends Remote> T through(T stub, RMIClientSocketFactory sockets) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(stub);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
            {
                enableResolveObject(true);
            }

            @Override
            protected Object resolveObject(Object read) {
                return read instanceof RMIClientSocketFactory ? sockets : read;
            }
        }) {
            return (T) in.readObject();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
