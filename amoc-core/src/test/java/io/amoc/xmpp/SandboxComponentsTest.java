package io.amoc.xmpp;

import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.pubsub.LeafNode;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.jivesoftware.smackx.pubsub.SimplePayload;
import org.jivesoftware.smackx.pubsub.listener.ItemEventListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.amoc.xmpp.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox's services at their usual names, used with smack-extensions' clients: group chat at
 * conference.localhost, publish-subscribe at pubsub.localhost, the message archive, and SCRAM-SHA-256.
 */
@ExtendWith(XmppSandbox.class)
class SandboxComponentsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final long FIRST_USER = 951;   // users no other test of the sandbox talks to
    private static final int MEMBERS = 3;

    private final List<AbstractXMPPConnection> connections = new ArrayList<>();
    private final String token = UUID.randomUUID().toString();

    @BeforeEach
    void configAimedAtTheSandbox() {
        SandboxConfig.freshConfigAimedAtTheSandbox();
    }

    @AfterEach
    void everyoneLeaves() {
        connections.forEach(Xmpp::disconnect);
    }

    @Test
    void aRoomOnConferenceLocalhostCarriesAMessageToEveryMember() throws Exception {
        EntityBareJid room = JidCreate.entityBareFrom("room-" + token + "@conference.localhost");
        Set<String> heardBy = ConcurrentHashMap.newKeySet();
        List<MultiUserChat> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            MultiUserChat chat = MultiUserChatManager.getInstanceFor(online(FIRST_USER + i)).getMultiUserChat(room);
            String nick = "member-" + i;
            chat.addMessageListener(message -> {
                if (token.equals(message.getBody())) {
                    heardBy.add(nick);
                }
            });
            if (i == 0) {
                chat.create(Resourcepart.from(nick)).makeInstant();
            } else {
                chat.join(Resourcepart.from(nick));
            }
            members.add(chat);
        }
        await("the owner to see every member", PATIENCE, () -> members.getFirst().getOccupantsCount() == MEMBERS);

        members.getLast().sendMessage(token);

        await("every member to hear the room's message", PATIENCE, () -> heardBy.size() == MEMBERS);
    }

    @Test
    void aNodeOnPubsubLocalhostNotifiesItsSubscriberOfAPublishedItem() throws Exception {
        var service = JidCreate.bareFrom("pubsub.localhost");
        AbstractXMPPConnection publisher = online(FIRST_USER);
        AbstractXMPPConnection subscriber = online(FIRST_USER + 1);
        LeafNode created = PubSubManager.getInstanceFor(publisher, service).createNode("node-" + token);
        LeafNode seen = PubSubManager.getInstanceFor(subscriber, service).getLeafNode("node-" + token);
        Set<String> notified = ConcurrentHashMap.newKeySet();
        ItemEventListener<PayloadItem<SimplePayload>> listener = event -> event.getItems()
                .forEach(item -> notified.add(item.getPayload().toXML().toString()));
        seen.addItemEventListener(listener);
        seen.subscribe(subscriber.getUser().asEntityBareJid());

        created.publish(new PayloadItem<>("item-1",
                new SimplePayload("<entry xmlns='urn:amoc:test'>" + token + "</entry>")));

        await("the subscriber to be notified", PATIENCE, () -> notified.stream().anyMatch(xml -> xml.contains(token)));
    }

    @Test
    void theArchiveReturnsTheMessagesAUserSentOnceTheUserAskedForIt() throws Exception {
        AbstractXMPPConnection sender = online(FIRST_USER + 3);
        AbstractXMPPConnection recipient = online(FIRST_USER + 4);
        MamManager archive = MamManager.getInstanceFor(sender);
        assertTrue(archive.isSupported(), "the server announces the message archive");
        archive.enableMamForAllMessages();   // the sandbox archives for users who ask (XEP-0313 preferences)
        List<String> bodies = List.of(token + "-1", token + "-2", token + "-3");
        for (String body : bodies) {
            sender.sendStanza(sender.getStanzaFactory().buildMessageStanza()
                    .to(recipient.getUser()).ofType(Message.Type.chat).setBody(body).build());
        }

        List<String> archived = new ArrayList<>();
        await("the archive to hold the 3 messages", PATIENCE, () -> {
            archived.clear();
            archived.addAll(archivedBodies(archive, recipient.getUser().asEntityBareJid()));
            return archived.containsAll(bodies);
        });
        assertEquals(bodies, archived.stream().filter(body -> body.startsWith(token)).toList(), "in the order sent");
    }

    @Test
    void scramSha256IsOfferedAndChecksTheProofOnEveryLogin() throws Exception {
        int port = XmppSandbox.server().port();
        for (int attempt = 1; attempt <= 2; attempt++) {   // the second login uses Prosody's stored credentials
            RawScramLogin.Outcome login = RawScramLogin.login(port, "localhost", "user_961", "password_961");
            assertTrue(login.mechanisms().contains("SCRAM-SHA-256"), login.mechanisms().toString());
            assertTrue(login.accepted(), "login " + attempt + " accepted");
            assertTrue(login.serverSignatureValid(), "login " + attempt + ": the server proved it knows the key");
        }
        assertFalse(RawScramLogin.login(port, "localhost", "user_961", "password_962").accepted());
        assertFalse(RawScramLogin.login(port, "localhost", "user_" + (XmppSandbox.USERS + 1), "x").accepted());
    }

    private AbstractXMPPConnection online(long userId) throws Exception {
        AbstractXMPPConnection connection = Xmpp.connect(userId);
        connections.add(connection);
        Xmpp.sendPresence(connection);
        return connection;
    }

    private static List<String> archivedBodies(MamManager archive, EntityBareJid with) {
        try {
            return archive.queryArchive(MamManager.MamQueryArgs.builder().limitResultsToJid(with)
                    .setResultPageSizeTo(100).build()).getMessages().stream().map(Message::getBody).toList();
        } catch (Exception e) {
            throw new IllegalStateException("archive query failed", e);
        }
    }

}
