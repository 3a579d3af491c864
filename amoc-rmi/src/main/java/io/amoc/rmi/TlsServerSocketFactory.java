package io.amoc.rmi;

import io.amoc.rmi.tls.TlsMaterial;
import io.amoc.metrics.RateLimitedWarnings;
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
import java.util.concurrent.atomic.AtomicBoolean;

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
    /** Refusals are logged at most once per this period, with a count of those held back (no log flood). */
    private static final Duration REFUSAL_LOG_PERIOD = Duration.ofSeconds(10);
    private static final RateLimitedWarnings REFUSALS = new RateLimitedWarnings(REFUSAL_LOG_PERIOD,
            System::currentTimeMillis, LOG::warn);
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
                Handshake handshake = new Handshake(tls);
                handshake.deadline = DEADLINES.schedule(() -> handshake.refuse("no handshake within "
                        + HANDSHAKE_DEADLINE.toSeconds() + " s"), HANDSHAKE_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
                Thread.ofVirtual().name("amoc-tls-handshake").start(handshake::run);
                return tls;
            } catch (IOException | RuntimeException e) {
                plain.close();
                throw e;
            }
        }
    }

    /**
     * One connection's handshake, run at once (RMI's reader may drive it too; whichever thread fails it, the failure
     * is logged here once) and cut off at the deadline.
     */
    private static final class Handshake {

        private final SSLSocket tls;
        private final AtomicBoolean settled = new AtomicBoolean();
        private volatile ScheduledFuture<?> deadline;

        Handshake(SSLSocket tls) {
            this.tls = tls;
        }

        void run() {
            try {
                tls.startHandshake();
                if (settled.compareAndSet(false, true)) {
                    deadline.cancel(false);
                }
            } catch (IOException refused) {
                refuse(reason(refused));
            }
        }

        void refuse(String why) {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            ScheduledFuture<?> timer = deadline;
            if (timer != null) {
                timer.cancel(false);
            }
            REFUSALS.warn("refused a connection from " + tls.getRemoteSocketAddress() + ": TLS handshake failed ("
                    + why + "); only holders of the cluster's TLS material may connect");
            try {
                tls.close();
            } catch (IOException e) {
                LOG.debug("closing a refused connection failed", e);
            }
        }

        /** The innermost message: the TLS alert or the certificate problem rather than "socket closed". */
        private static String reason(Throwable failure) {
            String reason = String.valueOf(failure.getMessage());
            for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
                if (t.getMessage() != null) {
                    reason = t.getMessage();
                }
            }
            return reason;
        }
    }
}
