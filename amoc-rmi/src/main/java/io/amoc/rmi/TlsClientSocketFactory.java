package io.amoc.rmi;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.rmi.server.RMIClientSocketFactory;

/**
 * Opens the master's connections to a slave: TCP within the connect timeout, then the TLS 1.3 handshake with this
 * JVM's {@link ClusterTls} material, also within the connect timeout; then every read waits at most the read timeout
 * ({@link RmiTimeouts}). It has no state of its own: it travels inside the slave's stub.
 */
public final class TlsClientSocketFactory implements RMIClientSocketFactory, Serializable {

    private static final long serialVersionUID = 1L;

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        RmiTimeouts timeouts = RmiTimeouts.current();
        int connectMillis = Math.toIntExact(timeouts.connect().toMillis());
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(host, port), connectMillis);
            plain.setSoTimeout(connectMillis);
            plain.setTcpNoDelay(true);
            SSLSocket tls = (SSLSocket) ClusterTls.current().context().getSocketFactory()
                    .createSocket(plain, host, port, true);
            tls.setUseClientMode(true);
            ClusterTls.configure(tls);
            tls.startHandshake();
            tls.setSoTimeout(Math.toIntExact(timeouts.read().toMillis()));
            return tls;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TlsClientSocketFactory;
    }

    @Override
    public int hashCode() {
        return TlsClientSocketFactory.class.hashCode();
    }
}
