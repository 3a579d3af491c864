package io.amoc.xmpp;

import io.amoc.config.Config;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lean login with SASL PLAIN sends its requests ahead of the server's answers (XEP-0305): {@code <auth/>} with the
 * stream's opening tag, the resource binding with the new stream's. Seen on the wire by a relay in front of the
 * sandbox, which records what it passes on in each direction, in order.
 */
@ExtendWith(XmppSandbox.class)
class PipelinedLoginTest {

    private Relay relay;

    @BeforeEach
    void configAimedAtARelay() throws Exception {
        SandboxConfig.freshConfigAimedAtTheSandbox();
        relay = Relay.plain(XmppSandbox.server().port());
        Config.global().set("xmpp_port", (long) relay.port());
    }

    @AfterEach
    void closeTheRelay() throws Exception {
        relay.close();
    }

    @Test
    void aPlainLoginTakesTwoWritesEachBeforeTheAnswersItNeeds() throws Exception {
        AbstractXMPPConnection connection = Xmpp.connect(31);
        try {
            assertTrue(connection.isAuthenticated());
            assertEquals("user_31@localhost/amoc", connection.getUser().toString());
            List<String> writes = clientWrites();
            assertEquals(2, writes.size(), writes.toString());
            assertTrue(writes.get(0).contains("<stream:stream") && writes.get(0).contains("<auth "), writes.get(0));
            assertTrue(writes.get(1).contains("<stream:stream") && writes.get(1).contains("<bind "), writes.get(1));
            // the first write went out before the server said anything
            assertTrue(relay.transcript().get(0).fromClient());
        } finally {
            Xmpp.disconnect(connection);
        }
    }

    @Test
    void withPipeliningOffEachRequestWaitsForItsAnswer() throws Exception {
        Config.global().set("xmpp_pipelining", false);
        assertLoginInFourWrites(XmppSettings.fromConfig());
    }

    @Test
    void aScramLoginWaitsForTheMechanismsOffered() throws Exception {
        AbstractXMPPConnection connection = Xmpp.connect(33, XmppSettings.fromConfig().withSasl("SCRAM-SHA-1"));
        try {
            assertTrue(connection.isAuthenticated());
            List<String> writes = clientWrites();
            assertFalse(writes.get(0).contains("<auth "), writes.get(0));
            assertTrue(writes.get(1).startsWith("<auth "), writes.get(1));
        } finally {
            Xmpp.disconnect(connection);
        }
    }

    @Test
    void aWrongPasswordSentAheadIsRefusedAsAnyOther() throws Exception {
        XmppSettings wrong = XmppSettings.fromConfig().withCredentials("user_%d", "not_password_%d");
        XmppLoginException e = assertThrows(XmppLoginException.class, () -> Xmpp.connect(34, wrong));
        assertTrue(e.getMessage().contains("refused the credentials"), e.getMessage());
        assertTrue(clientWrites().get(0).contains("<auth "), clientWrites().toString());
    }

    @Test
    void theNextLoginAfterPipeliningIsSwitchedOffWaitsForEachAnswerEvenWithTheSameSettings() throws Exception {
        XmppSettings settings = XmppSettings.fromConfig();
        Xmpp.disconnect(Xmpp.connect(35, settings));
        int before = clientWrites().size();
        Config.global().set("xmpp_pipelining", false);
        assertLoginInFourWrites(settings, before);
    }

    private void assertLoginInFourWrites(XmppSettings settings) throws Exception {
        assertLoginInFourWrites(settings, 0);
    }

    /** A login after the first {@code skipped} chunks the client sent through the relay. */
    private void assertLoginInFourWrites(XmppSettings settings, int skipped) throws Exception {
        AbstractXMPPConnection connection = Xmpp.connect(32, settings);
        try {
            assertTrue(connection.isAuthenticated());
            List<String> writes = clientWrites();
            writes = writes.subList(skipped, writes.size());
            assertEquals(4, writes.size(), writes.toString());
            assertTrue(writes.get(1).startsWith("<auth "), writes.get(1));
            assertTrue(writes.get(3).startsWith("<iq ") && writes.get(3).contains("<bind "), writes.get(3));
        } finally {
            Xmpp.disconnect(connection);
        }
    }

    /** What the client sent through the relay, one entry per chunk the relay read from it. */
    private List<String> clientWrites() {
        return relay.transcript().stream().filter(Relay.Chunk::fromClient).map(Relay.Chunk::text).toList();
    }
}
