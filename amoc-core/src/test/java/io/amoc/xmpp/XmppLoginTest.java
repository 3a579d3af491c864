package io.amoc.xmpp;

import io.amoc.config.Config;
import io.amoc.metrics.NodeMetrics;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(XmppSandbox.class)
class XmppLoginTest {

    @BeforeEach
    void configAimedAtTheSandbox() {
        SandboxConfig.freshConfigAimedAtTheSandbox();
    }

    @Test
    void aUserLogsInWithTheConfiguredCredentialsAndTheLoginIsMeasured() throws Exception {
        AbstractXMPPConnection connection = Xmpp.connect(7);
        try {
            assertTrue(connection.isAuthenticated());
            assertEquals("user_7@localhost/amoc", connection.getUser().toString());
        } finally {
            Xmpp.disconnect(connection);
        }
        assertEquals(1, counter("connections"));
        assertEquals(0, counter("connection_failures"));
        assertEquals(1, NodeMetrics.current().registry().histogram("amoc.times.connection").getCount());
        assertFalse(connection.isConnected());
    }

    @Test
    void aWrongPasswordIsANamedFailureThatIsCounted() {
        XmppSettings wrong = XmppSettings.fromConfig().withCredentials("user_%d", "not_password_%d");
        XmppLoginException e = assertThrows(XmppLoginException.class, () -> Xmpp.connect(3, wrong));
        assertEquals(3, e.userId());
        assertEquals("user_3", e.username());
        assertTrue(e.getMessage().contains("refused the credentials"), e.getMessage());
        assertEquals(1, counter("connection_failures"));
        assertEquals(0, counter("connections"));
    }

    @Test
    void anUnknownUserIsRefusedLikeAWrongPassword() {
        XmppLoginException e = assertThrows(XmppLoginException.class, () -> Xmpp.connect(XmppSandbox.USERS + 1));
        assertTrue(e.getMessage().contains("user_" + (XmppSandbox.USERS + 1)), e.getMessage());
        assertEquals(1, counter("connection_failures"));
    }

    @Test
    void aServerThatIsNotThereIsANamedFailure() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        XmppSettings nowhere = XmppSettings.fromConfig().withServer("127.0.0.1", closedPort);
        XmppLoginException e = assertThrows(XmppLoginException.class, () -> Xmpp.connect(1, nowhere));
        assertTrue(e.getMessage().contains("cannot reach 127.0.0.1:" + closedPort), e.getMessage());
        assertEquals(1, counter("connection_failures"));
    }

    @Test
    void smacksTcpConnectionRemainsAChoice() throws Exception {
        Config.global().set("xmpp_transport", "tcp");
        AbstractXMPPConnection connection = Xmpp.connect(8);
        try {
            assertTrue(connection.isAuthenticated());
            assertEquals("XMPPTCPConnection", connection.getClass().getSimpleName());
        } finally {
            Xmpp.disconnect(connection);
        }
    }

    @Test
    void starttlsWithScramWorksAgainstTheSelfSignedCertificate() throws Exception {
        XmppSettings tls = XmppSettings.fromConfig().withTls(XmppTls.REQUIRED).withSasl("SCRAM-SHA-1");
        AbstractXMPPConnection connection = Xmpp.connect(9, tls);
        try {
            assertTrue(connection.isSecureConnection());
            assertEquals("SCRAM-SHA-1", connection.getUsedSaslMechansism());
        } finally {
            Xmpp.disconnect(connection);
        }
    }

    @Test
    void anUnknownTlsSettingNamesTheKeyAndTheChoices() {
        Config.global().set("xmpp_tls", "sometimes");
        XmppConfigException e = assertThrows(XmppConfigException.class, XmppSettings::fromConfig);
        assertEquals("config key 'xmpp_tls' is 'sometimes'; use one of: disabled, optional, required, direct", e.getMessage());
    }

    static long counter(String name) {
        return NodeMetrics.current().snapshot("test").counters().getOrDefault(name, 0L);
    }
}
