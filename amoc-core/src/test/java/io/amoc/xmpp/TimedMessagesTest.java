package io.amoc.xmpp;

import io.amoc.metrics.NodeMetrics;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.Stanza;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static io.amoc.xmpp.XmppLoginTest.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(XmppSandbox.class)
class TimedMessagesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final int MESSAGES = 20;

    private AbstractXMPPConnection alice;
    private AbstractXMPPConnection bob;

    @BeforeEach
    void twoUsersOnline() throws Exception {
        SandboxConfig.freshConfigAimedAtTheSandbox();
        alice = Xmpp.connect(101);
        bob = Xmpp.connect(102);
        available(alice);
        available(bob);
    }

    /**
     * Sends available presence and waits for the server's echo of it: from then on a message to the bare JID is
     * delivered (before, it may be taken for one to an offline user and bounce).
     */
    static void available(AbstractXMPPConnection connection) throws Exception {
        try (var echo = connection.createStanzaCollector(
                s -> s instanceof Presence && connection.getUser().equals(s.getFrom()))) {
            Xmpp.sendPresence(connection);
            assertTrue(echo.nextResult(PATIENCE.toMillis()) != null, "the server's echo of our presence");
        }
    }

    @AfterEach
    void bothLeave() {
        Xmpp.disconnect(alice);
        Xmpp.disconnect(bob);
    }

    @Test
    void everyMessageSentIsReceivedWithItsTimeToDeliverRecorded() throws Exception {
        TimedMessages fromAlice = TimedMessages.on(alice);
        TimedMessages toBob = TimedMessages.on(bob);
        for (int i = 0; i < MESSAGES; i++) {
            fromAlice.send(Xmpp.jid(102));
        }
        awaitReceived(toBob, MESSAGES);
        assertEquals(MESSAGES, fromAlice.sent());
        assertEquals(MESSAGES, counter("messages_sent"));
        assertEquals(MESSAGES, counter("messages_received"));
        assertEquals(0, counter("messages_out_of_order"));
        assertEquals(0, counter("messages_skipped"));
        var ttd = NodeMetrics.current().registry().histogram("amoc.times.message_ttd");
        assertEquals(MESSAGES, ttd.getCount());
        assertTrue(ttd.getSnapshot().getMax() < PATIENCE.toNanos() / 1000, "a TTD in µs below the wait");
    }

    @Test
    void aMessageToAnOfflineUserIsCountedOnceAsUndeliveredWhateverTheBounceRepeats() throws Exception {
        TimedMessages fromAlice = TimedMessages.on(alice);
        fromAlice.send(Xmpp.jid(999));
        awaitCounter("messages_undelivered", 1);
        // Prosody's bounce has no payload, ejabberd's repeats the stamp: one listener counts either once.
        assertEquals(0, counter("messages_received"));
        assertEquals(0, counter("messages_stale"));
        assertEquals(0, ttdCount());
    }

    @Test
    void aMessageStampedByAnotherRunIsStaleAndNeverTimed() throws Exception {
        TimedMessages toBob = TimedMessages.on(bob);
        alice.sendStanza(stamped(new Stamp("earlier0run0", TimedMessages.epochMicros(), 1), false));
        awaitCounter("messages_stale", 1);
        assertEquals(1, counter("messages_from_other_runs"));
        assertEquals(0, toBob.received());
        assertEquals(0, counter("messages_received"));
        assertEquals(0, ttdCount());
    }

    @Test
    void aDelayedMessageOfThisRunIsStaleAndNeverTimed() throws Exception {
        TimedMessages toBob = TimedMessages.on(bob);
        alice.sendStanza(stamped(new Stamp("", TimedMessages.epochMicros(), 1), true));   // "": off a user's thread
        awaitCounter("messages_stale", 1);
        assertEquals(0, counter("messages_from_other_runs"));
        assertEquals(0, toBob.received());
        assertEquals(0, ttdCount());
    }

    /** A chat message from alice to bob carrying {@code stamp}, and XEP-0203's delay when {@code delayed}. */
    private Message stamped(Stamp stamp, boolean delayed) {
        var message = alice.getStanzaFactory().buildMessageStanza().to(Xmpp.jid(102)).ofType(Message.Type.chat)
                .setBody("from the past").addExtension(stamp.element());
        if (delayed) {
            message.addExtension(StandardExtensionElement.builder("delay", "urn:xmpp:delay")
                    .addAttribute("stamp", "2020-01-01T00:00:00Z").build());
        }
        return message.build();
    }

    @Test
    void waitingForAStanzaReturnsItOrTimesOutByName() throws Exception {
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(200);
                alice.sendStanza(alice.getStanzaFactory().buildMessageStanza()
                        .to(Xmpp.jid(102)).ofType(Message.Type.chat).setBody("ping").build());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Stanza stanza = Xmpp.waitFor(bob, s -> s instanceof Message m && "ping".equals(m.getBody()), PATIENCE);
        assertEquals("user_101@localhost/amoc", stanza.getFrom().toString());
        sender.join();
        StanzaTimeoutException e = assertThrows(StanzaTimeoutException.class,
                () -> Xmpp.waitFor(bob, s -> false, Duration.ofMillis(100)));
        assertTrue(e.getMessage().endsWith("within 100 ms"), e.getMessage());
    }

    private static long ttdCount() {
        return NodeMetrics.current().registry().histogram("amoc.times.message_ttd").getCount();
    }

    private static void awaitCounter(String name, long count) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (counter(name) < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(count, counter(name), name);
    }

    private static void awaitReceived(TimedMessages receiver, long count) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (receiver.received() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(count, receiver.received());
    }
}
