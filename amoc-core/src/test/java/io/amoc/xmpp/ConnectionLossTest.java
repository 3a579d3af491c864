package io.amoc.xmpp;

import io.amoc.compile.ScenarioCatalog;
import io.amoc.config.Config;
import io.amoc.engine.FailureGroup;
import io.amoc.engine.IdRange;
import io.amoc.engine.NodeController;
import io.amoc.metrics.NodeMetrics;
import io.amoc.xmpp.transport.LeanConnection;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.SmackException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.amoc.xmpp.XmppLoginTest.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user's connection is part of the user: on a sandbox of this class's own, a session replaced by a second login
 * and a server that stops under 200 idle users fail those users at once, counted and grouped with the server's
 * words; a send that finds its connection lost counts the loss before it throws, once; with
 * {@code xmpp_reconnect} the same users hold their sessions through the outage and come back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionLossTest {

    private static final int USERS = 200;
    private static final Duration LOSS_SEEN_WITHIN = Duration.ofSeconds(5);
    private static final Duration BACK_WITHIN = Duration.ofSeconds(30);
    private static final Duration LOGINS_WITHIN = Duration.ofSeconds(60);
    private static final double BACK_AT_LEAST = 0.99;
    private static final long POLL_MS = 10;
    private static final long REPLACED_USER = 500;
    private static final long WRITER = 600;

    private final ScenarioCatalog catalog =
            new ScenarioCatalog(List.of(XmppSandbox.Server.projectDir().resolve("scenarios")));
    private final List<LogRecord> smackWarnings = new CopyOnWriteArrayList<>();
    private final Handler smackLog = new Handler() {
        @Override
        public void publish(LogRecord record) {
            smackWarnings.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private XmppSandbox.Server sandbox;
    private NodeController node;

    @BeforeAll
    void aSandboxOfItsOwn() throws Exception {
        sandbox = XmppSandbox.start(XmppSandbox.Options.defaults());
        Logger.getLogger("org.jivesoftware.smack").addHandler(smackLog);
    }

    @AfterAll
    void stopTheSandbox() throws Exception {
        Logger.getLogger("org.jivesoftware.smack").removeHandler(smackLog);
        sandbox.close();
    }

    @BeforeEach
    void configAimedAtTheSandbox() {
        Config.install(new Config(Map.of(), Map.of()));
        Config.global().set("xmpp_port", (long) sandbox.port());
        Config.global().set("interarrival", 0L);
        NodeMetrics.install(new NodeMetrics());
        node = new NodeController("local");
        smackWarnings.clear();
    }

    @AfterEach
    void stopTheNode() {
        node.stop();
    }

    @Test
    void aSessionReplacedByASecondLoginFailsItsUserWithConflict() throws Exception {
        node.start(catalog.bundle("IdleSessions"), Map.of());
        node.addUsers(IdRange.of(REPLACED_USER, REPLACED_USER));
        await("the user's login", LOGINS_WITHIN, () -> counter("connections") == 1);

        AbstractXMPPConnection second = Xmpp.connect(REPLACED_USER);   // the same resource
        try {
            await("the replaced user to fail", LOSS_SEEN_WITHIN,
                    () -> counter("user_failures") == 1 && node.status().usersAlive() == 0);
            assertEquals(1, counter("connection_lost"));
            FailureGroup group = node.failures().getFirst();
            assertTrue(group.cause().startsWith("ConnectionLostException: user_<n> lost its connection: conflict"),
                    group.cause());
            assertTrue(group.cause().endsWith(" at IdleSessions.java"), "the user's scenario: " + group.cause());
            assertTrue(second.isAuthenticated(), "the second session stays");
            assertEquals(List.of(), smackWarnings.stream().map(LogRecord::getMessage).toList(),
                    "Smack's own warnings stay off the console");
        } finally {
            Xmpp.disconnect(second);
        }
    }

    @Test
    void aServerStoppingUnderIdleUsersFailsEveryUserThatWasOnline() throws Exception {
        startIdleUsers();
        long online = node.status().usersAlive();

        long stopped = System.nanoTime();
        try {
            sandbox.stopServer();
            await("the users to fail", LOSS_SEEN_WITHIN.minusNanos(System.nanoTime() - stopped),
                    () -> node.status().usersAlive() == 0 && counter("user_failures") == online);
            assertEquals(online, counter("connection_lost"));
            // grouped by the server's words: Prosody closes every socket; ejabberd sends some sessions
            // system-shutdown first and closes the others
            List<FailureGroup> groups = node.failures();
            assertEquals(online, groups.stream().mapToLong(FailureGroup::count).sum(), groups.toString());
            for (FailureGroup group : groups) {
                assertTrue(group.cause().startsWith("ConnectionLostException: user_<n> lost its connection: "),
                        group.cause());
            }
            assertEquals(List.of(), smackWarnings.stream().map(LogRecord::getMessage).toList());
        } finally {
            sandbox.startAgain();
        }
    }

    @Test
    void aSendThatFindsItsConnectionLostCountsTheLossBeforeItThrowsAndOnlyOnce() throws Exception {
        AbstractXMPPConnection connection = Xmpp.connect(WRITER);
        CountDownLatch smackToldItsListeners = new CountDownLatch(1);
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                smackToldItsListeners.countDown();   // after the link's listener, added at login
            }
        });
        Xmpp.sendPresence(connection);
        ((LeanConnection) connection).tcpSocket().shutdownOutput();   // the next write fails, or the server ends it first

        SmackException.NotConnectedException refused =
                assertThrows(SmackException.NotConnectedException.class, () -> Xmpp.sendPresence(connection));
        assertTrue(refused.getMessage().contains("the connection was lost"), refused.getMessage());
        assertEquals(1, counter("connection_lost"),
                "counted before the write threw, so that a user failing on it fails as having lost its connection");
        assertTrue(smackToldItsListeners.await(LOSS_SEEN_WITHIN.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals(1, counter("connection_lost"), "Smack's own report of the same loss is not counted again");
    }

    @Test
    void withReconnectIdleUsersHoldTheirSessionsThroughAnOutage() throws Exception {
        Config.global().set("xmpp_reconnect", true);
        startIdleUsers();

        sandbox.stopServer();
        await("every session to be seen lost", LOSS_SEEN_WITHIN, () -> counter("connection_lost") == USERS);
        assertEquals(USERS, node.status().usersAlive(), "users are kept while their connections are down");
        sandbox.startAgain();
        await("99 % of the sessions back", BACK_WITHIN, () -> counter("reconnects") >= USERS * BACK_AT_LEAST
                && sessions() >= USERS * BACK_AT_LEAST);

        assertEquals(0, counter("user_failures"));
        assertEquals(USERS, node.status().usersAlive());
        await("every session back", BACK_WITHIN, () -> counter("reconnects") == USERS);
    }

    private void startIdleUsers() throws Exception {
        node.start(catalog.bundle("IdleSessions"), Map.of());
        node.addUsers(IdRange.of(1, USERS));
        await(USERS + " logins", LOGINS_WITHIN, () -> counter("connections") == USERS && sessions() >= USERS);
    }

    private long sessions() {
        try {
            return sandbox.establishedSessions();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, Duration patience, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + patience.toMillis() + " ms: " + what);
            }
            Thread.sleep(POLL_MS);
        }
    }
}
