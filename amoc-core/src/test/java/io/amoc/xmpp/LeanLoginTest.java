package io.amoc.xmpp;

import io.amoc.config.Config;
import io.amoc.config.ConfigValueException;
import io.amoc.xmpp.transport.LeanConnection;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.amoc.xmpp.XmppLoginTest.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logging in over the lean transport (the default) against the sandbox: SASL, TLS, refusals, addresses. */
@ExtendWith(XmppSandbox.class)
class LeanLoginTest {

    /** Prosody refuses anything larger before authentication (c2s_unauthed_stanza_size_limit, 10,000 bytes). */
    private static final int OVERSIZED_PASSWORD_CHARS = 20_000;
    /** A login on loopback takes milliseconds; a login step nobody answers would fail after this. */
    private static final long RELOGIN_PATIENCE_MS = 5_000;
    /** Logins started together, more than the JVM keeps platform login threads for on any machine here. */
    private static final int USERS_AT_ONCE = 40;
    private static final long FIRST_USER_AT_ONCE = 600;

    @BeforeEach
    void configAimedAtTheSandbox() {
        SandboxConfig.freshConfigAimedAtTheSandbox();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "SCRAM-SHA-1", "SCRAM-SHA-256"})
    void eachSaslMechanismLogsIn(String mechanism) throws Exception {
        AbstractXMPPConnection connection = Xmpp.connect(11, XmppSettings.fromConfig().withSasl(mechanism));
        try {
            assertInstanceOf(LeanConnection.class, connection);
            assertTrue(connection.isAuthenticated());
            assertEquals(mechanism, connection.getUsedSaslMechansism());
            assertFalse(connection.isSecureConnection());
        } finally {
            Xmpp.disconnect(connection);
        }
    }

    /** Under TLS ejabberd offers SCRAM-SHA-1-PLUS first, which Smack cannot do: the choice passes it by. */
    @ParameterizedTest
    @EnumSource(XmppTransport.class)
    void withTlsTheStrongestOfferedMechanismAmocCanUseLogsIn(XmppTransport transport) throws Exception {
        AbstractXMPPConnection connection = Xmpp.connect(12, XmppSettings.fromConfig().withTransport(transport)
                .withTls(XmppTls.REQUIRED).withSasl(""));
        try {
            assertTrue(connection.isAuthenticated());
            assertTrue(connection.isSecureConnection());
            assertTrue(connection.getUsedSaslMechansism().startsWith("SCRAM-SHA-"), connection.getUsedSaslMechansism());
            assertFalse(connection.getUsedSaslMechansism().endsWith("-PLUS"), connection.getUsedSaslMechansism());
            assertEquals(0, counter("connection_failures"));
        } finally {
            Xmpp.disconnect(connection);
        }
    }

    @Test
    void aConnectionClosedAtOnceConnectsAndLogsInAgainWithoutWaitingForATimeout() throws Exception {
        AbstractXMPPConnection connection = Xmpp.connect(12);
        try {
            connection.instantShutdown();
            connection.setReplyTimeout(RELOGIN_PATIENCE_MS);   // a wait for features no one reads would end here
            connection.connect().login();
            assertTrue(connection.isAuthenticated());
            assertEquals("user_12@localhost/amoc", connection.getUser().toString());
        } finally {
            Xmpp.disconnect(connection);
        }
    }

    @Test
    void directTlsLogsInThroughATlsOffloaderInFrontOfTheServer() throws Exception {
        try (Relay offloader = Relay.tls(XmppSandbox.server().port(), XmppSandbox.server().dir().resolve("certs"))) {
            XmppSettings direct = XmppSettings.fromConfig().withServer("127.0.0.1", offloader.port())
                    .withTls(XmppTls.DIRECT);
            AbstractXMPPConnection connection = Xmpp.connect(13, direct);
            try {
                assertTrue(connection.isSecureConnection());
                assertEquals("user_13@localhost/amoc", connection.getUser().toString());
            } finally {
                Xmpp.disconnect(connection);
            }
        }
    }

    @Test
    void everyXmppSocketSendsWithoutNagleOnEitherTransport() throws Exception {
        AbstractXMPPConnection lean = Xmpp.connect(14);
        AbstractXMPPConnection tcp = Xmpp.connect(18, XmppSettings.fromConfig().withTransport(XmppTransport.TCP));
        try {
            assertTrue(((LeanConnection) lean).tcpSocket().getTcpNoDelay());
            Field socket = XMPPTCPConnection.class.getDeclaredField("socket");   // Smack keeps it private
            socket.setAccessible(true);
            assertTrue(((Socket) socket.get(tcp)).getTcpNoDelay());
        } finally {
            Xmpp.disconnect(lean);
            Xmpp.disconnect(tcp);
        }
    }

    @Test
    void aStreamErrorDuringSaslEndsTheLoginWithTheServersConditionAndText() {
        // Prosody ends the stream of an oversized SASL stanza; ejabberd refuses the credentials instead, and its
        // stream error during login (fail2ban's policy-violation) has a test of its own.
        Assumptions.assumeTrue(XmppSandbox.serverKind().equals("prosody"), "Prosody's stanza size limit");
        XmppSettings oversized = XmppSettings.fromConfig()
                .withCredentials("user_%d", "x".repeat(OVERSIZED_PASSWORD_CHARS) + "%d");
        XmppLoginException e = assertThrows(XmppLoginException.class, () -> Xmpp.connect(15, oversized));
        assertTrue(e.getMessage().endsWith("could not log in: policy-violation: XML stanza is too big"), e.getMessage());
        assertEquals(1, counter("connection_failures"));
    }

    @Test
    void aStreamErrorBeforeSaslEndsTheLoginWithTheServersCondition() {
        Config.global().set("xmpp_domain", "nowhere.invalid");
        XmppLoginException e = assertThrows(XmppLoginException.class, () -> Xmpp.connect(16));
        assertTrue(e.getMessage().contains("could not log in: host-unknown"), e.getMessage());
        assertEquals(1, counter("connection_failures"));
    }

    @Test
    void everyRefusedSaslMechanismIsACountedLoginFailureWithAOneLineReason() {
        List<String> reasons = List.of("SCRAM-SHA-1-PLUS", "DIGEST-MD5").stream()
                .map(mechanism -> assertThrows(XmppLoginException.class,
                        () -> Xmpp.connect(17, XmppSettings.fromConfig().withSasl(mechanism))).getMessage())
                .toList();
        assertTrue(reasons.get(0).endsWith("got \"SCRAM-SHA-1-PLUS\" (amoc cannot do channel binding: use"
                + " SCRAM-SHA-1)"), reasons.get(0));
        assertTrue(reasons.get(1).contains("xmpp_sasl must be one of PLAIN, SCRAM-SHA-1, SCRAM-SHA-256"),
                reasons.get(1));
        reasons.forEach(reason -> assertFalse(reason.contains("\n"), reason));
        assertEquals(2, counter("connection_failures"));
    }

    @Test
    void usersSpreadOverSourceAddressesAndServersById() throws Exception {
        try (Relay second = Relay.plain(XmppSandbox.server().port())) {
            Config.global().set("xmpp_source_addresses", List.of("127.0.0.2", "127.0.0.3"));
            Config.global().set("xmpp_servers", List.of("127.0.0.1:" + XmppSandbox.server().port(),
                    "127.0.0.1:" + second.port()));
            LeanConnection first = (LeanConnection) Xmpp.connect(21);
            LeanConnection other = (LeanConnection) Xmpp.connect(22);
            try {
                assertEquals(InetAddress.getByName("127.0.0.2"), first.tcpSocket().getLocalAddress());
                assertEquals(InetAddress.getByName("127.0.0.3"), other.tcpSocket().getLocalAddress());
                assertEquals(XmppSandbox.server().port(), first.getPort());
                assertEquals(second.port(), other.getPort());
                assertTrue(other.isAuthenticated());
            } finally {
                Xmpp.disconnect(first);
                Xmpp.disconnect(other);
            }
        }
    }

    @Test
    void addressListsThatMakeNoSenseAreRefusedNamingTheKey() {
        Config.global().set("xmpp_servers", List.of("127.0.0.1"));
        ConfigValueException server = assertThrows(ConfigValueException.class, XmppSettings::fromConfig);
        assertEquals("xmpp_servers must be a list of \"host:port\", e.g. [\"127.0.0.1:5222\", \"127.0.0.1:5223\"],"
                + " got [\"127.0.0.1\"]", server.getMessage());
        Config.global().unset("xmpp_servers");
        Config.global().set("xmpp_source_addresses", "example.com");
        ConfigValueException source = assertThrows(ConfigValueException.class, XmppSettings::fromConfig);
        assertTrue(source.getMessage().startsWith("xmpp_source_addresses must be a list of local IP addresses"),
                source.getMessage());
        Config.global().set("xmpp_source_addresses", "127.0.0.9");
        assertEquals(List.of("127.0.0.9"), XmppSettings.fromConfig().sourceAddresses());
    }

    @Test
    void manyUsersLoggingInAtOnceEachLogInAsThemselvesSharingOneConfiguration() throws Exception {
        XmppSettings settings = XmppSettings.fromConfig();
        List<Future<AbstractXMPPConnection>> logins = new ArrayList<>();
        try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < USERS_AT_ONCE; i++) {
                long userId = FIRST_USER_AT_ONCE + i;
                logins.add(users.submit(() -> Xmpp.connect(userId, settings)));
            }
        }
        List<AbstractXMPPConnection> connections = new ArrayList<>();
        for (Future<AbstractXMPPConnection> login : logins) {
            connections.add(login.get());
        }
        try {
            for (int i = 0; i < USERS_AT_ONCE; i++) {
                assertEquals("user_" + (FIRST_USER_AT_ONCE + i) + "@localhost/amoc",
                        connections.get(i).getUser().toString());
                assertSame(connections.get(0).getConfiguration(), connections.get(i).getConfiguration());
            }
        } finally {
            connections.forEach(Xmpp::disconnect);
        }
    }
}
