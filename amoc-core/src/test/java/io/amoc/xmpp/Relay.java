package io.amoc.xmpp;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on a free loopback port in front of the sandbox, as a load balancer sits in front of a server; with
 * TLS it terminates direct TLS (XEP-0368) with the sandbox's own certificate, as a TLS offloader does.
 */
final class Relay implements AutoCloseable {

    private static final String KEY_PASSWORD = "relay";

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final List<Chunk> transcript = new CopyOnWriteArrayList<>();

    /** What one read on the relay passed on: from the client ({@code fromClient}) or from the server. */
    record Chunk(boolean fromClient, String text) {
    }

    private Relay(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
        Thread.startVirtualThread(this::accept);
    }

    /** Plain TCP to {@code targetPort}. */
    static Relay plain(int targetPort) throws IOException {
        return new Relay(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
    }

    /** TLS from the first byte, with the certificate and key of {@code certs} (the sandbox's certs/ directory). */
    static Relay tls(int targetPort, Path certs) throws IOException, GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore(certs), KEY_PASSWORD.toCharArray());
        context.init(keys.getKeyManagers(), null, null);
        SSLServerSocket listener = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        return new Relay(listener, targetPort);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Every chunk relayed so far in either direction, in the order the relay read them. */
    List<Chunk> transcript() {
        return List.copyOf(transcript);
    }

    /** Ends the stream towards every client as a server does ({@code </stream:stream>}), keeping the sockets open. */
    void endStreamsTowardsClients() throws IOException {
        for (Socket client : clients) {
            client.getOutputStream().write("</stream:stream>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                clients.add(client);
                sockets.add(server);
                Thread.startVirtualThread(() -> pipe(client, server, true));
                Thread.startVirtualThread(() -> pipe(server, client, false));
            } catch (IOException e) {
                return;   // closed
            }
        }
    }

    private void pipe(Socket from, Socket to, boolean fromClient) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[8192];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                transcript.add(new Chunk(fromClient, new String(buffer, 0, read, java.nio.charset.StandardCharsets.UTF_8)));
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            // one side closed: the other follows
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static KeyStore keyStore(Path certs) throws IOException, GeneralSecurityException {
        Certificate certificate;
        try (InputStream in = Files.newInputStream(certs.resolve("localhost.crt"))) {
            certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        String pem = Files.readString(certs.resolve("localhost.key"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("localhost", key, KEY_PASSWORD.toCharArray(), new Certificate[]{certificate});
        return store;
    }
}
