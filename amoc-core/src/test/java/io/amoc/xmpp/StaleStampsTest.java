package io.amoc.xmpp;

import io.amoc.engine.CurrentRun;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.jivesoftware.smackx.pubsub.SimplePayload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

import java.time.Duration;
import java.util.UUID;

import static io.amoc.xmpp.Eventually.await;
import static io.amoc.xmpp.Eventually.timed;
import static io.amoc.xmpp.XmppLoginTest.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Room messages and published items carry the sender's run in their stamp, as one-to-one messages do: one stamped by
 * another run (a message delayed across runs) is counted stale and never timed, one of this run is received and
 * timed. Through a real room and a real node of the sandbox.
 */
@ExtendWith(XmppSandbox.class)
class StaleStampsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String OTHER_RUN = "0123456789ab";

    private final String token = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void configAimedAtTheSandbox() {
        SandboxConfig.freshConfigAimedAtTheSandbox();
    }

    @Test
    void aRoomMessageStampedByAnotherRunIsStaleAndOneOfThisRunIsTimed() throws Exception {
        AbstractXMPPConnection alice = Xmpp.connect(421);
        AbstractXMPPConnection bob = Xmpp.connect(422);
        EntityBareJid room = TimedGroupChat.room("stale-" + token);
        try (TimedGroupChat aliceChat = TimedGroupChat.join(alice, room, "alice");
             TimedGroupChat bobChat = TimedGroupChat.join(bob, room, "bob")) {
            await("alice to see bob in the room", PATIENCE, () -> aliceChat.occupants() == 2);
            MultiUserChat bobRoom = MultiUserChatManager.getInstanceFor(bob).getMultiUserChat(room);
            bobRoom.sendMessage(bobRoom.buildMessage().setBody("from an earlier run")
                    .addExtension(new Stamp(OTHER_RUN, Stamp.epochMicros(), 1).element()));
            bobChat.post("from this run");

            await("alice to count both messages", PATIENCE, () -> counter("room_messages_stale") == 1
                    && counter("room_messages_received") == 1);
            assertEquals(1, aliceChat.received(), "only the live message is one alice heard");
            assertEquals(1, timed("room_message_ttd"), "only the live message is timed");
        } finally {
            Xmpp.disconnect(alice);
            Xmpp.disconnect(bob);
        }
    }

    @Test
    void aPublishedItemStampedByAnotherRunIsStaleAndOneOfThisRunIsTimed() throws Exception {
        AbstractXMPPConnection owner = Xmpp.connect(423);
        AbstractXMPPConnection subscriber = Xmpp.connect(424);
        String node = "stale-" + token;
        try {
            Xmpp.sendPresence(subscriber);
            TimedPubSub publisher = TimedPubSub.on(owner);
            publisher.create(node);
            TimedPubSub reader = TimedPubSub.on(subscriber);
            reader.subscribe(node);
            PubSubManager.getInstanceFor(owner, JidCreate.bareFrom("pubsub.localhost")).getLeafNode(node)
                    .publish(new PayloadItem<>(new SimplePayload(
                            new Stamp(OTHER_RUN, Stamp.epochMicros(), 1).element().toXML().toString())));
            publisher.publish(node);

            await("the subscriber to count both items", PATIENCE, () -> counter("pubsub_notifications_stale") == 1
                    && counter("pubsub_notifications_received") == 1);
            assertEquals(1, reader.notifications(), "only the live item is one the subscriber was notified of");
            assertEquals(1, timed("pubsub_notification_ttd"), "only the live item is timed");
            reader.close();
            publisher.close();
        } finally {
            Xmpp.disconnect(owner);
            Xmpp.disconnect(subscriber);
        }
    }

    @Test
    void aStampReadFromAPayloadKeepsItsRunAndALateOneIsStale() {
        Stamp sent = new Stamp(OTHER_RUN, 1_700_000_000_000_000L, 7);
        Stamp read = Stamps.in("<item>" + sent.element().toXML() + "</item>").orElseThrow();
        assertEquals(sent, read);
        assertTrue(Stamps.in("<ttd xmlns='elsewhere' sent='1' seq='1'/>").isEmpty(), "another namespace is no stamp");
        CurrentRun offAUser = CurrentRun.ofThisUser();
        Stamp live = Stamp.now(offAUser.id(), 1);
        assertFalse(Stamps.arrived(live, true, offAUser, "late_received", "late_ttd", "late_stale"),
                "delivered late by the server: stale");
        assertTrue(Stamps.arrived(live, false, offAUser, "late_received", "late_ttd", "late_stale"));
        assertEquals(1, counter("late_stale"));
        assertEquals(1, counter("late_received"));
        assertEquals(1, timed("late_ttd"));
    }


}
