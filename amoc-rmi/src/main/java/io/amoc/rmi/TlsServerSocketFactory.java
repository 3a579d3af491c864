package io.amoc.rmi;

import io.amoc.rmi.tls.TlsMaterial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.rmi.server.RMIServerSocketFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A slave's listening sockets: one address only (the slave's {@code --bind}), and every accepted connection is TLS
 * 1.3 with the cluster's material, the peer's certificate required. The handshake runs at once on its own virtual
 * thread, so a peer without the material is refused (and logged) before RMI reads a byte, and a peer that stalls the
 * handshake is cut off after {@link #HANDSHAKE_DEADLINE}.
 */
public final class TlsServerSocketFactory implements RMIServerSocketFactory {

    /** The longest a peer may take over its handshake (RMI would otherwise wait up to two hours for a first byte). */
    static final Duration HANDSHAKE_DEADLINE = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(TlsServerSocketFactory.class);
    private static final int BACKLOG = 50;
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "amoc-tls-handshake-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private final InetAddress address;
    private final TlsMaterial material;
    private volatile int lastPort = -1;

    public TlsServerSocketFactory(InetAddress address, TlsMaterial material) {
        this.address = Objects.requireNonNull(address);
        this.material = Objects.requireNonNull(material);
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        ServerSocket socket = new TlsServerSocket(port);
        lastPort = socket.getLocalPort();
        return socket;
    }

    /** The port of the last socket opened (the real one when asked for port 0), or -1. */
    public int lastPort() {
        return lastPort;
    }

    private final class TlsServerSocket extends ServerSocket {

        TlsServerSocket(int port) throws IOException {
            super(port, BACKLOG, address);
        }

        @Override
        public Socket accept() throws IOException {
            Socket plain = super.accept();
            try {
                SSLSocket tls = (SSLSocket) material.context().getSocketFactory().createSocket(plain, null, true);
                tls.setUseClientMode(false);
                ClusterTls.configure(tls);
                ScheduledFuture<?> deadline = DEADLINES.schedule(() -> refuse(tls, "no handshake within "
                        + HANDSHAKE_DEADLINE.toSeconds() + " s"), HANDSHAKE_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
                Thread.ofVirtual().name("amoc-tls-handshake").start(() -> handshake(tls, deadline));
                return tls;
            } catch (IOException | RuntimeException e) {
                plain.close();
                throw e;
            }
        }
    }

    private static void handshake(SSLSocket tls, ScheduledFuture<?> deadline) {
        try {
            tls.startHandshake();
            deadline.cancel(false);
        } catch (IOException refused) {
            deadline.cancel(false);
            refuse(tls, refused.getMessage());
        }
    }

    private static void refuse(SSLSocket tls, String why) {
        if (tls.isClosed()) {
            return;
        }
        LOG.warn("refused a connection from {}: TLS handshake failed ({}); only holders of the cluster's TLS"
                + " material may connect", tls.getRemoteSocketAddress(), why);
        try {
            tls.close();
        } catch (IOException e) {
            LOG.debug("closing a refused connection failed", e);
        }
    }
}
