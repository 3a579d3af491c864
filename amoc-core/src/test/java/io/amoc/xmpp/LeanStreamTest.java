package io.amoc.xmpp;

import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.XMPPException.StreamErrorException;
import org.jivesoftware.smack.filter.MessageWithBodiesFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StreamError;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stanzas over the lean transport against the sandbox: collectors, IQs, large and escaped text, the server closing. */
@ExtendWith(XmppSandbox.class)
class LeanStreamTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** Characters XML escapes: five entities in six characters. */
    private static final String ESCAPED = "<&>\"' ";
    private static final int LARGE_MESSAGE_CHARS = 200 * 1024;
    private static final int LIFETIME_ESCAPED_CHARS = 1_000_000;
    private static final int LIFETIME_MESSAGES = 20;

    @BeforeEach
    void configAimedAtTheSandbox() {
        SandboxConfig.freshConfigAimedAtTheSandbox();
    }

    @Test
    void aStanzaCollectorOpenedBeforeSendingCatchesTheReply() throws Exception {
        AbstractXMPPConnection alice = Xmpp.connect(201);
        AbstractXMPPConnection bob = Xmpp.connect(202);
        try {
            bob.addSyncStanzaListener(stanza -> bob.sendStanza(bob.getStanzaFactory().buildMessageStanza()
                    .to(stanza.getFrom()).setBody("re: " + ((Message) stanza).getBody()).build()),
                    MessageWithBodiesFilter.INSTANCE);
            try (StanzaCollector replies = alice.createStanzaCollector(MessageWithBodiesFilter.INSTANCE)) {
                alice.sendStanza(alice.getStanzaFactory().buildMessageStanza().to(bob.getUser()).setBody("ping").build());
                Message reply = replies.nextResult(PATIENCE.toMillis());
                assertNotNull(reply, "no reply within " + PATIENCE);
                assertEquals("re: ping", reply.getBody());
                assertEquals("user_202@localhost/amoc", reply.getFrom().toString());
            }
        } finally {
            Xmpp.disconnect(alice);
            Xmpp.disconnect(bob);
        }
    }

    /** A session without listeners has its stanzas given to its collectors alone; a listener added later hears. */
    @Test
    void collectorsGetStanzasWithOrWithoutListenersAndAListenerAddedLaterHearsTheNext() throws Exception {
        AbstractXMPPConnection alice = Xmpp.connect(204);
        AbstractXMPPConnection bob = Xmpp.connect(205);
        try (StanzaCollector collected = bob.createStanzaCollector(MessageWithBodiesFilter.INSTANCE)) {
            send(alice, bob, "one");
            assertEquals("one", bodyOf(collected.nextResult(PATIENCE.toMillis())));
            // Smack may still hand "one" to a listener added while it delivers "one" (it gives stanzas to collectors
            // before it looks for listeners); what matters is that the listener hears what comes after
            CompletableFuture<String> heard = new CompletableFuture<>();
            bob.addSyncStanzaListener(stanza -> {
                if ("two".equals(bodyOf(stanza))) {
                    heard.complete("two");
                }
            }, MessageWithBodiesFilter.INSTANCE);
            send(alice, bob, "two");
            assertEquals("two", bodyOf(collected.nextResult(PATIENCE.toMillis())));
            assertEquals("two", heard.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
        } finally {
            Xmpp.disconnect(alice);
            Xmpp.disconnect(bob);
        }
    }

    private static void send(AbstractXMPPConnection from, AbstractXMPPConnection to, String body) throws Exception {
        from.sendStanza(from.getStanzaFactory().buildMessageStanza().to(to.getUser()).setBody(body).build());
    }

    private static String bodyOf(org.jivesoftware.smack.packet.Stanza stanza) {
        assertNotNull(stanza, "nothing within " + PATIENCE);
        return ((Message) stanza).getBody();
    }

    @Test
    void iqRequestsGetTheirResponsesThroughManagersCreatedOnDemand() throws Exception {
        AbstractXMPPConnection connection = Xmpp.connect(203);
        try {
            assertTrue(PingManager.getInstanceFor(connection).pingMyServer(false, PATIENCE.toMillis()));
            DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(connection)
                    .discoverInfo(connection.getXMPPServiceDomain());
            assertTrue(info.containsFeature("urn:xmpp:ping"), info.toXML().toString());
        } finally {
            Xmpp.disconnect(connection);
        }
    }

    @Test
    void a200KbMessageFullOfEscapedCharactersArrivesIntact() throws Exception {
        String body = ESCAPED.repeat(LARGE_MESSAGE_CHARS / ESCAPED.length());
        assertEquals(body, sendAndReceive(XmppTransport.LEAN, body, 1));
    }

    @ParameterizedTest
    @EnumSource(XmppTransport.class)
    void aMillionEscapedCharactersOverOneConnectionLeaveItConnected(XmppTransport transport) throws Exception {
        String body = ESCAPED.repeat(LIFETIME_ESCAPED_CHARS / LIFETIME_MESSAGES / ESCAPED.length());
        assertEquals(body, sendAndReceive(transport, body, LIFETIME_MESSAGES));
    }

    @Test
    void aSecondLoginWithTheSameResourceEndsTheFirstWithConflictSeenByItsListener() throws Exception {
        AbstractXMPPConnection first = Xmpp.connect(204);
        CompletableFuture<Exception> closedOnError = new CompletableFuture<>();
        first.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                closedOnError.complete(e);
            }
        });
        AbstractXMPPConnection second = Xmpp.connect(204);
        try {
            Exception error = closedOnError.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            StreamErrorException streamError = (StreamErrorException) error;
            assertEquals(StreamError.Condition.conflict, streamError.getStreamError().getCondition());
            assertFalse(first.isConnected());
            assertTrue(second.isAuthenticated());
        } finally {
            Xmpp.disconnect(first);
            Xmpp.disconnect(second);
        }
    }

    /** Sends {@code body} {@code times} times from a fresh user of {@code transport} to another; the last one received. */
    private static String sendAndReceive(XmppTransport transport, String body, int times) throws Exception {
        XmppSettings settings = XmppSettings.fromConfig().withTransport(transport);
        AbstractXMPPConnection sender = Xmpp.connect(205, settings);
        AbstractXMPPConnection receiver = Xmpp.connect(206, settings);
        try (StanzaCollector arrivals = receiver.createStanzaCollector(MessageWithBodiesFilter.INSTANCE)) {
            String last = null;
            for (int i = 0; i < times; i++) {
                sender.sendStanza(sender.getStanzaFactory().buildMessageStanza().to(receiver.getUser()).setBody(body).build());
                Message message = arrivals.nextResult(PATIENCE.toMillis());
                assertNotNull(message, "message " + (i + 1) + " of " + times + " did not arrive");
                assertEquals(body.length(), message.getBody().length(), "message " + (i + 1) + " of " + times);
                last = message.getBody();
            }
            assertTrue(receiver.isConnected() && sender.isConnected(), "a connection closed on the way");
            return last;
        } finally {
            Xmpp.disconnect(sender);
            Xmpp.disconnect(receiver);
        }
    }
}
