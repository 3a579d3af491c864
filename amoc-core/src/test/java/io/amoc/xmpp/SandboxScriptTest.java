package io.amoc.xmpp;

import io.amoc.config.Config;
import io.amoc.engine.CurrentRun;
import io.amoc.engine.Fixtures;
import io.amoc.engine.IdRange;
import io.amoc.engine.NodeController;
import io.amoc.metrics.NodeMetrics;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code bin/xmpp-sandbox}'s options, on a sandbox of this class's own: two instances sharing 20,000 accounts,
 * STARTTLS required, Nagle's algorithm off, offline storage on; then refused options and ejabberd's fail2ban.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxScriptTest {

    private static final int ACCOUNTS = 20_000;
    private static final int INSTANCES = 2;
    private static final int FAILED_LOGINS_BEFORE_A_BAN = 20;   // ejabberd's mod_fail2ban default
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final long BANNED_LOGIN_FAILS_WITHIN_MS = 1000;
    private static final long OFFLINE_RECIPIENT = 31;
    private static final long STORED_MESSAGES = 3;

    private XmppSandbox.Server sandbox;

    @BeforeAll
    void startTwoInstancesRequiringTls() throws Exception {
        sandbox = XmppSandbox.start(XmppSandbox.Options.defaults().users(ACCOUNTS).instances(INSTANCES)
                .with("--require-tls", "--nagle", "off", "--offline", "on"));
        System.out.print(sandbox.startOutput());   // its last line has the start time: printed, never asserted
    }

    @AfterAll
    void stoppingEndsEveryInstance() throws Exception {
        sandbox.close();
        for (int instance = 1; instance <= INSTANCES; instance++) {
            assertFalse(accepts(sandbox.port(instance)), "instance " + instance + " still listens after stop");
        }
    }

    @BeforeEach
    void freshMetrics() {
        Config.install(new Config(Map.of(), Map.of()));
        NodeMetrics.install(new NodeMetrics());
    }

    @Test
    void everyInstanceServesTheSameAccountsOnConsecutivePorts() throws Exception {
        for (int instance = 1; instance <= INSTANCES; instance++) {
            AbstractXMPPConnection connection = Xmpp.connect(ACCOUNTS, secure(instance));
            try {
                assertTrue(connection.isAuthenticated(), "user_" + ACCOUNTS + " on instance " + instance);
            } finally {
                Xmpp.disconnect(connection);
            }
        }
        XmppSandbox.Run status = sandbox.status();
        assertEquals(0, status.exitCode(), status.output());
        List<String> lines = status.output().lines().toList();
        assertEquals(INSTANCES, lines.size(), status.output());
        for (int instance = 1; instance <= INSTANCES; instance++) {
            assertTrue(lines.get(instance - 1).startsWith("running " + sandbox.kind() + " pid "), lines.get(instance - 1));
            assertTrue(lines.get(instance - 1).contains(" port " + sandbox.port(instance) + " users " + ACCOUNTS + " "));
        }
    }

    @Test
    void aLoginWithoutTlsIsRefusedWhenTlsIsRequired() throws Exception {
        XmppSettings plain = secure(1).withTls(XmppTls.DISABLED);
        assertThrows(XmppLoginException.class, () -> Xmpp.connect(1, plain));
        AbstractXMPPConnection connection = Xmpp.connect(1, secure(1));
        try {
            assertTrue(connection.isSecureConnection());
        } finally {
            Xmpp.disconnect(connection);
        }
    }

    @Test
    void theNagleSettingIsWrittenIntoTheServersConfig() throws IOException {
        String config = Files.readString(sandbox.config(1));
        if (sandbox.kind().equals("prosody")) {
            assertTrue(config.contains("nagle = false;"), config);
        } else {
            // ejabberd 23.01 always sets TCP_NODELAY on client connections: there is nothing to write, and asking
            // for Nagle's algorithm is refused.
            assertFalse(config.contains("nagle"), config);
        }
    }

    @Test
    void withOfflineStorageOnAMessageToAnOfflineUserArrivesAtItsNextLogin() throws Exception {
        String token = UUID.randomUUID().toString();
        AbstractXMPPConnection sender = Xmpp.connect(11, secure(1));
        try {
            sender.sendStanza(sender.getStanzaFactory().buildMessageStanza()
                    .to(Xmpp.jid(12)).ofType(Message.Type.chat).setBody(token).build());
        } finally {
            Xmpp.disconnect(sender);
        }
        AbstractXMPPConnection recipient = Xmpp.connect(12, secure(1));
        try {
            var stored = recipient.createStanzaCollector(s -> s instanceof Message m && token.equals(m.getBody()));
            Xmpp.sendPresence(recipient);   // offline messages come after the first available presence
            Stanza message = stored.nextResult(PATIENCE.toMillis());
            assertTrue(message != null, "the stored message arrived");
        } finally {
            Xmpp.disconnect(recipient);
        }
    }

    @Test
    void withFail2banOffWrongLoginsNeverLockTheAddressOut() throws Exception {
        XmppSettings wrong = secure(1).withCredentials("user_%d", "wrong_%d");
        for (int i = 0; i <= FAILED_LOGINS_BEFORE_A_BAN; i++) {
            assertThrows(XmppLoginException.class, () -> Xmpp.connect(21, wrong));
        }
        AbstractXMPPConnection connection = Xmpp.connect(21, secure(1));
        assertTrue(connection.isAuthenticated());
        Xmpp.disconnect(connection);
    }

    @Test
    void withFail2banOnEjabberdBansTheAddressAfterTwentyWrongLoginsAndABannedLoginFailsAtOnceWithItsReason()
            throws Exception {
        assumeTrue(sandbox.kind().equals("ejabberd"), "mod_fail2ban is ejabberd's");
        try (XmppSandbox.Server banning = XmppSandbox.start(XmppSandbox.Options.defaults().users(10)
                .with("--fail2ban", "on"))) {
            XmppSettings right = XmppSettings.fromConfig().withServer("127.0.0.1", banning.port());
            XmppSettings wrong = right.withCredentials("user_%d", "wrong_%d");
            for (int i = 0; i < FAILED_LOGINS_BEFORE_A_BAN; i++) {
                assertThrows(XmppLoginException.class, () -> Xmpp.connect(1, wrong));
            }
            String answer = streamOpening(banning.port());
            assertTrue(answer.contains("policy-violation"), answer);

            long started = System.nanoTime();
            XmppLoginException banned = assertThrows(XmppLoginException.class, () -> Xmpp.connect(1, right));
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            assertTrue(tookMillis < BANNED_LOGIN_FAILS_WITHIN_MS, "failed after " + tookMillis + " ms, not at once");
            assertTrue(banned.getMessage().contains("could not log in: policy-violation: "), banned.getMessage());
            assertEquals(FAILED_LOGINS_BEFORE_A_BAN + 1, XmppLoginTest.counter("connection_failures"));
        }
    }

    @Test
    void aStampedMessageStoredForAnOfflineUserInAnEarlierRunArrivesStaleAndIsNeverTimed() throws Exception {
        Config.global().set("xmpp_port", (long) sandbox.port(1));
        Config.global().set("xmpp_tls", "required");
        Config.global().set("interarrival", 0L);
        Config.global().set("repeat_num", 1L);
        Config.global().set("stamped_recipient", OFFLINE_RECIPIENT);
        Config.global().set("stamped_messages", STORED_MESSAGES);
        NodeController node = new NodeController("local");
        try {
            node.start(Fixtures.bundle("SendsStampedMessages"), Map.of(CurrentRun.ID_SETTING, "earlier0run0"));
            node.addUsers(IdRange.of(OFFLINE_RECIPIENT + 1, OFFLINE_RECIPIENT + 1));
            Fixtures.await("the earlier run's user to send and leave", () -> node.status().usersAlive() == 0
                    && XmppLoginTest.counter("messages_sent") == STORED_MESSAGES);
            node.stop();

            node.start(Fixtures.bundle("ListensForStampedMessages"), Map.of(CurrentRun.ID_SETTING, "later00run00"));
            node.addUsers(IdRange.of(OFFLINE_RECIPIENT, OFFLINE_RECIPIENT));
            Fixtures.await("the stored messages", () -> XmppLoginTest.counter("messages_stale") == STORED_MESSAGES);

            assertEquals(STORED_MESSAGES, XmppLoginTest.counter("messages_from_other_runs"));
            assertEquals(0, XmppLoginTest.counter("messages_received"));
            assertEquals(0, NodeMetrics.current().registry().histogram("amoc.times.message_ttd").getCount());
        } finally {
            node.stop();
        }
    }

    @Test
    void optionsThatMakeNoSenseAreRefusedWithOneLine() throws Exception {
        Path script = XmppSandbox.Server.projectDir().resolve("bin/xmpp-sandbox");
        Path dir = Files.createTempDirectory("amoc-xmpp-sandbox-refused");
        try {
            List<List<String>> refused = List.of(
                    List.of("start", "--instances", "0"),
                    List.of("start", "--server", "openfire"),
                    List.of("start", "--nagle", "sometimes"),
                    List.of("start", "--server", "prosody", "--fail2ban", "on"),
                    List.of("start", "--server", "ejabberd", "--nagle", "on"),
                    List.of("start", "--port", "65535", "--instances", "2"),
                    List.of("status", "--users", "5"));
            for (List<String> args : refused) {
                List<String> withDir = new ArrayList<>(args);
                withDir.addAll(List.of("--dir", dir.toString()));
                XmppSandbox.Run run = XmppSandbox.run(script, withDir);
                assertNotEquals(0, run.exitCode(), String.join(" ", args));
                assertEquals(1, run.output().lines().count(), String.join(" ", args) + ": " + run.output());
                assertTrue(run.output().startsWith("xmpp-sandbox: "), run.output());
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private XmppSettings secure(int instance) {
        return XmppSettings.fromConfig().withServer("127.0.0.1", sandbox.port(instance)).withTls(XmppTls.REQUIRED);
    }

    /** What a server sends on a new client stream before its features (or instead of them), as text. */
    private static String streamOpening(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) PATIENCE.toMillis());
            socket.setSoTimeout((int) PATIENCE.toMillis());
            socket.getOutputStream().write(("<?xml version='1.0'?><stream:stream to='localhost' xmlns='jabber:client'"
                    + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>").getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            StringBuilder text = new StringBuilder();
            byte[] buffer = new byte[4096];
            int read;
            while (!text.toString().contains("</stream:") && (read = in.read(buffer)) > 0) {
                text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
            return text.toString();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
