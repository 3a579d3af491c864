package io.amoc.xmpp;

import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Group chat (XEP-0045) with smack-extensions' MultiUserChatManager over the lean transport. It needs the sandbox's
 * group-chat service at {@code conference.localhost}; against a sandbox without one it is skipped, saying so.
 */
@ExtendWith(XmppSandbox.class)
class LeanGroupChatTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String SERVICE = "conference.localhost";
    private static final long POLL_MILLIS = 20;

    @BeforeEach
    void configAimedAtTheSandbox() {
        SandboxConfig.freshConfigAimedAtTheSandbox();
    }

    @Test
    void twoUsersJoinARoomAndOneHearsTheOther() throws Exception {
        AbstractXMPPConnection alice = Xmpp.connect(401);
        AbstractXMPPConnection bob = Xmpp.connect(402);
        try {
            DomainBareJid service = JidCreate.domainBareFrom(SERVICE);
            assumeTrue(ServiceDiscoveryManager.getInstanceFor(alice)
                            .findServices("http://jabber.org/protocol/muc", false, false).contains(service),
                    "the sandbox offers no group chat at " + SERVICE + " yet");
            MultiUserChat aliceRoom = MultiUserChatManager.getInstanceFor(alice)
                    .getMultiUserChat(JidCreate.entityBareFrom("lean@" + SERVICE));
            aliceRoom.create(Resourcepart.from("alice")).makeInstant();
            MultiUserChat bobRoom = MultiUserChatManager.getInstanceFor(bob)
                    .getMultiUserChat(JidCreate.entityBareFrom("lean@" + SERVICE));
            bobRoom.join(Resourcepart.from("bob"));
            awaitOccupants(bobRoom, 2);

            aliceRoom.sendMessage("hello room");
            Message heard = bobRoom.nextMessage(PATIENCE.toMillis());
            while (heard != null && heard.getBody() == null) {   // the room's subject comes first
                heard = bobRoom.nextMessage(PATIENCE.toMillis());
            }
            assertNotNull(heard, "bob heard nothing within " + PATIENCE);
            assertEquals("hello room", heard.getBody());
        } finally {
            Xmpp.disconnect(alice);
            Xmpp.disconnect(bob);
        }
    }

    /** The join returns on bob's own presence; the others' presences reach the room on Smack's listener thread. */
    private static void awaitOccupants(MultiUserChat room, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (room.getOccupantsCount() < expected && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
        }
        assertEquals(expected, room.getOccupantsCount(), "occupants bob sees in the room");
    }
}
