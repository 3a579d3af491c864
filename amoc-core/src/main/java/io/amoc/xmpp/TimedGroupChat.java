package io.amoc.xmpp;

import io.amoc.engine.CurrentRun;
import io.amoc.scenario.AmocMetrics;
import org.jivesoftware.smack.MessageListener;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.muc.MucEnterConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatException;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One user in a group-chat room (XEP-0045, smack-extensions' {@link MultiUserChat}) whose messages measure their
 * time to deliver to every other member: each carries {@link TimedMessages}' stamp, and each member records it on
 * receipt.
 *
 * <pre>{@code
 * EntityBareJid room = TimedGroupChat.room("room-" + (userId - 1) / 10);     // rooms of 10 users
 * try (TimedGroupChat chat = TimedGroupChat.join(connection, room, "user-" + userId)) {
 *     chat.post();                                                       // every other member times it
 * }
 * }</pre>
 *
 * The first user in a room creates it (an instant room, XEP-0045 10.1.2); the others wait up to
 * {@code xmpp_timeout} until it is open. Joining asks for no history, so only messages posted while a member is in the
 * room are timed. Metrics: {@code amoc.counters.room_messages_sent}, {@code amoc.counters.room_messages_received}
 * (one per member that heard a message, the sender's own echo not counted) and {@code amoc.times.room_message_ttd}
 * (µs).
 */
public final class TimedGroupChat implements AutoCloseable {

    private static final String SERVICE_PREFIX = "conference.";

    private final MultiUserChat room;
    /** The run of the user that joined: a message stamped by another run is stale. */
    private final CurrentRun run = CurrentRun.ofThisUser();
    /** Our nick, known before the server confirms the join: messages may arrive before Smack records it. */
    private final Resourcepart nick;
    private final MessageListener listener = this::received;
    private final AtomicLong posted = new AtomicLong();
    private final AtomicLong heard = new AtomicLong();

    private TimedGroupChat(MultiUserChat room, Resourcepart nick) {
        this.room = room;
        this.nick = nick;
    }

    /**
     * The room {@code name} on the group-chat service {@code conference.<xmpp_domain>}, e.g.
     * {@code room-7@conference.localhost}.
     *
     * @throws XmppConfigException when {@code name} cannot be a room's name
     */
    public static EntityBareJid room(String name) {
        String service = SERVICE_PREFIX + XmppSettings.fromConfig().domain();
        try {
            return JidCreate.entityBareFrom(name + "@" + service);
        } catch (XmppStringprepException e) {
            throw new XmppConfigException("room name", name, "a valid JID local part (" + e.getMessage() + ")");
        }
    }

    /**
     * Enters {@code room} as {@code nick}, creating it as an instant room if nobody has, and starts timing its
     * messages. {@link #close()} leaves it.
     *
     * @throws XMPPException.XMPPErrorException the server refused (e.g. the nick is taken), or the room stayed closed for
     *                                          {@code xmpp_timeout}
     */
    public static TimedGroupChat join(XMPPConnection connection, EntityBareJid room, String nick)
            throws XMPPException, SmackException, InterruptedException, XmppStringprepException {
        MultiUserChat chat = MultiUserChatManager.getInstanceFor(connection).getMultiUserChat(room);
        TimedGroupChat timed = new TimedGroupChat(chat, Resourcepart.from(nick));
        chat.addMessageListener(timed.listener);
        MucEnterConfiguration enter = chat.getEnterConfigurationBuilder(timed.nick).requestNoHistory()
                .build();
        try {
            Patience.retry(XmppSettings.fromConfig().timeout(), StanzaError.Condition.item_not_found, () -> {
                MultiUserChat.MucCreateConfigFormHandle created = chat.createOrJoin(enter);
                if (created != null) {
                    created.makeInstant();
                }
                return created;
            });
        } catch (XMPPException | SmackException | InterruptedException e) {
            chat.removeMessageListener(timed.listener);
            throw e;
        }
        return timed;
    }

    /** Posts a stamped message with the body {@code "Hello, room!"}; counted in {@code room_messages_sent}. */
    public void post() throws SmackException.NotConnectedException, InterruptedException {
        post("Hello, room!");
    }

    /** Posts a stamped message with {@code body}; counted in {@code room_messages_sent}. */
    public void post(String body) throws SmackException.NotConnectedException, InterruptedException {
        MessageBuilder message = room.buildMessage().setBody(body)
                .addExtension(Stamps.now(run, posted.incrementAndGet()));
        room.sendMessage(message);
        AmocMetrics.count("room_messages_sent");
    }

    /** Members in the room now, this user included, as the room last told it. */
    public int occupants() {
        return room.getOccupantsCount();
    }

    /** Stamped messages of other members this user received. */
    public long received() {
        return heard.get();
    }

    /** Stops timing and leaves the room (the connection stays open). */
    @Override
    public void close() throws SmackException.NotConnectedException, InterruptedException {
        room.removeMessageListener(listener);
        if (room.isJoined()) {
            try {
                room.leave();
            } catch (XMPPException.XMPPErrorException | SmackException.NoResponseException
                     | MultiUserChatException.MucNotJoinedException e) {
                // leaving a room the server already dropped us from is done
            }
        }
    }

    private void received(Message message) {
        if (message.getFrom() == null || message.getType() == Message.Type.error
                || nick.equals(message.getFrom().getResourceOrNull())) {
            return;
        }
        Stamp.in(message).ifPresent(stamp -> {
            if (Stamps.arrived(stamp, Stamp.delayed(message), run, "room_messages_received", "room_message_ttd",
                    "room_messages_stale")) {
                heard.incrementAndGet();
            }
        });
    }
}
