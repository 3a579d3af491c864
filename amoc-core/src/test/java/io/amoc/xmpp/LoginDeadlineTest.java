package io.amoc.xmpp;

import io.amoc.config.Config;
import io.amoc.metrics.NodeMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.amoc.xmpp.XmppLoginTest.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lean login waits without a time limit on its socket, and a watcher ends a wait past the timeout by closing the
 * socket. Against servers that stop answering at each step (a TCP server of the test's own, as no real XMPP server
 * can be told to fall silent half-way), every login ends with "no answer" near its timeout and its socket closed.
 */
@Timeout(60)   // a login that never gives up fails the test instead of hanging the build
class LoginDeadlineTest {

    private static final Duration TIMEOUT = Duration.ofMillis(600);
    /** The watcher wakes at the earliest deadline; a loaded machine may be slower to schedule the failing login. */
    private static final long LATE_MILLIS = 3_000;
    /** More than the platform login threads kept (four per core, at least 16): the rest wait on virtual threads. */
    private static final int LOGINS_AT_ONCE = Math.max(16, 4 * Runtime.getRuntime().availableProcessors()) + 24;
    private static final String FEATURES = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams' id='s1' from='localhost' version='1.0'>"
            + "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism>"
            + "</mechanisms></stream:features>";

    private SilentServer server;

    @BeforeEach
    void freshConfig() {
        Config.install(new Config(Map.of(), Map.of()));
        NodeMetrics.install(new NodeMetrics());
    }

    @AfterEach
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersEndsTheLoginNearItsTimeoutAndItsSocketCloses() throws Exception {
        server = new SilentServer(null);
        assertLoginEndsInTimeWithNoAnswer(41);
        assertTrue(server.allClosedByTheClient(1), "the client closed the socket it gave up on");
        assertEquals(1, counter("connection_failures"));
    }

    @Test
    void aServerThatFallsSilentAfterItsFeaturesEndsTheSaslStepNearItsTimeout() throws Exception {
        server = new SilentServer(FEATURES);
        assertLoginEndsInTimeWithNoAnswer(42);
        assertTrue(server.allClosedByTheClient(1), "the client closed the socket it gave up on");
    }

    @Test
    void aMechanismTheServerDoesNotOfferFailsTheLoginAtOnceNamingWhatItOffers() throws Exception {
        server = new SilentServer(FEATURES);
        XmppSettings settings = XmppSettings.fromConfig().withServer("127.0.0.1", server.port())
                .withTimeout(Duration.ofSeconds(40)).withSasl("SCRAM-SHA-256");
        long started = System.nanoTime();
        XmppLoginException failure = assertThrows(XmppLoginException.class, () -> Xmpp.connect(43, settings));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(failure.getMessage().endsWith("the server does not offer SASL SCRAM-SHA-256 (it offers PLAIN)"),
                failure.getMessage());
        assertTrue(tookMillis < LATE_MILLIS, "failed only after " + tookMillis + " ms, as if waiting for an answer");
        assertTrue(server.allClosedByTheClient(1), "the client closed the socket of the login it ended");
        assertEquals(1, counter("connection_failures"));
    }

    @Test
    void manySilentLoginsAtOnceAllEndNearTheirTimeout() throws Exception {
        server = new SilentServer(FEATURES);
        List<Future<?>> logins = new ArrayList<>();
        try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < LOGINS_AT_ONCE; i++) {
                long userId = 100 + i;
                logins.add(users.submit(() -> {
                    assertLoginEndsInTimeWithNoAnswer(userId);
                    return null;
                }));
            }
            for (Future<?> login : logins) {
                login.get(TIMEOUT.toMillis() + LATE_MILLIS * 2, TimeUnit.MILLISECONDS);
            }
        }
        assertTrue(server.allClosedByTheClient(LOGINS_AT_ONCE), "every socket given up on was closed");
        assertEquals(LOGINS_AT_ONCE, counter("connection_failures"));
    }

    @Test
    void aShortTimeoutEndsOnTimeWhileALongerWaitIsInProgress() throws Exception {
        server = new SilentServer(FEATURES);
        Duration longer = Duration.ofSeconds(40);
        XmppSettings patient = XmppSettings.fromConfig().withServer("127.0.0.1", server.port()).withTimeout(longer);
        try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> waiting = users.submit(() -> assertThrows(Exception.class, () -> Xmpp.connect(200, patient)));
            assertTrue(server.accepted(1), "the patient login connected");
            // the watcher now sleeps until the patient login's deadline: the shorter wait must wake it
            assertLoginEndsInTimeWithNoAnswer(201);
            server.close();                    // ends the patient login with the closed socket
            waiting.get(LATE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void assertLoginEndsInTimeWithNoAnswer(long userId) {
        XmppSettings settings = XmppSettings.fromConfig().withServer("127.0.0.1", server.port()).withTimeout(TIMEOUT);
        long started = System.nanoTime();
        XmppLoginException failure = assertThrows(XmppLoginException.class, () -> Xmpp.connect(userId, settings));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(failure.getMessage().contains("no answer from 127.0.0.1:" + server.port() + " within 600 ms"),
                failure.getMessage());
        assertTrue(tookMillis >= TIMEOUT.toMillis(), "gave up after " + tookMillis + " ms, before the timeout");
        assertTrue(tookMillis < TIMEOUT.toMillis() + LATE_MILLIS, "gave up only after " + tookMillis + " ms");
    }

    /** Accepts every connection, optionally writes {@code greeting} once, then only reads until the client closes. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        private final ConcurrentLinkedQueue<Socket> accepted = new ConcurrentLinkedQueue<>();
        private final CountDownLatch closedByClient = new CountDownLatch(LOGINS_AT_ONCE);
        private volatile int closedCount;

        SilentServer(String greeting) throws IOException {
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        accepted.add(client);
                        Thread.ofVirtual().start(() -> serve(client, greeting));
                    } catch (IOException e) {
                        return;                // closed at the end of the test
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve(Socket client, String greeting) {
            try (InputStream in = client.getInputStream()) {
                byte[] buffer = new byte[4096];
                boolean greeted = greeting == null;
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (!greeted && read > 0) {
                        client.getOutputStream().write(greeting.getBytes(StandardCharsets.UTF_8));
                        greeted = true;
                    }
                }
                synchronized (this) {
                    closedCount++;
                }
                closedByClient.countDown();
            } catch (IOException e) {
                // reset by the client: closed as well, but not the way the test expects
            }
        }

        /** Whether {@code expected} clients have connected within a while. */
        boolean accepted(int expected) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LATE_MILLIS);
            while (accepted.size() < expected && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            return accepted.size() >= expected;
        }

        /** Whether {@code expected} clients closed their sockets (the server reading their end) within a while. */
        boolean allClosedByTheClient(int expected) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LATE_MILLIS);
            while (closedCount < expected && System.nanoTime() < deadline) {
                closedByClient.await(50, TimeUnit.MILLISECONDS);
            }
            return closedCount == expected;
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket client : accepted) {
                client.close();
            }
        }
    }
}
