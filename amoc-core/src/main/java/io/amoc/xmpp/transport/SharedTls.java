package io.amoc.xmpp.transport;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

/**
 * One TLS context for every XMPP connection of the JVM. Load tests aim at test servers with self-signed
 * certificates, so the server's certificate is not checked. Smack's {@code ConnectionConfiguration} creates and
 * initialises an {@code SSLContext} for every connection, TLS or not; it gets {@link #FOR_SMACK}, the shared context
 * behind a facade whose {@code init} does nothing, so that no connection re-initialises what others are using.
 */
public final class SharedTls {

    private static final String PROTOCOL = "TLS";

    /** Accepts any server certificate (extended, so that the JDK adds no host name check of its own). */
    public static final X509TrustManager ACCEPT_ANY = new AcceptAny();

    private static final SSLContext CONTEXT = create();

    /** The shared context for Smack's connection configurations (its {@code init} is a no-op). */
    public static final SSLContext FOR_SMACK = new SSLContext(new InitializedOnce(CONTEXT),
            CONTEXT.getProvider(), CONTEXT.getProtocol()) {
    };

    private SharedTls() {
    }

    /** Starts TLS on a connected socket and completes the handshake within the socket's read timeout. */
    static SSLSocket wrap(Socket plain, String serverName) throws IOException {
        SSLSocket tls = (SSLSocket) CONTEXT.getSocketFactory()
                .createSocket(plain, serverName, plain.getPort(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        return tls;
    }

    private static SSLContext create() {
        try {
            SSLContext context = SSLContext.getInstance(PROTOCOL);
            context.init(null, new TrustManager[]{ACCEPT_ANY}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JDK", e);
        }
    }

    private static final class AcceptAny extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** Hands out the shared context's parts; initialising it again does nothing. */
    private static final class InitializedOnce extends SSLContextSpi {

        private final SSLContext shared;

        InitializedOnce(SSLContext shared) {
            this.shared = shared;
        }

        @Override
        protected void engineInit(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random) {
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return shared.getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return shared.getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return shared.createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return shared.createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return shared.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return shared.getClientSessionContext();
        }
    }
}
