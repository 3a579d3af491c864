import io.amoc.scenario.AmocConfig;
import io.amoc.scenario.AmocMetrics;
import io.amoc.scenario.Scenario;
import io.amoc.xmpp.TimedGroupChat;
import io.amoc.xmpp.Xmpp;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jxmpp.jid.EntityBareJid;

/**
 * Group chat with time-to-deliver (XEP-0045 multi-user chat, as amoc's MUC scenarios load MongooseIM).
 *
 * Users are put in rooms of muc_room_size by id: users 1..10 in room 1, 11..20 in room 2, and so on, on the
 * server's group-chat service conference.<xmpp_domain>. Each user logs in, enters its room (the first to arrive
 * creates it), waits until the whole room is there, posts muc_messages messages muc_message_interval ms apart,
 * waits until it has heard every other member's messages, and leaves. Every message carries its send time: each
 * member that hears it records amoc.times.room_message_ttd, so a room of 10 gives 9 times per message.
 *
 * Counters: room_messages_sent, room_messages_received (one per member per message; in a full run
 * received = sent * (muc_room_size - 1)), rooms_incomplete (a user gave up waiting for its room to fill) and
 * room_messages_missing (messages a user had not heard when it gave up waiting).
 *
 * Parameters (config keys, with their defaults):
 *   muc_room_size        = 10      users per room
 *   muc_messages         = 1       messages each user posts per iteration
 *   muc_message_interval = 1000    ms between two posts of a user
 *   muc_wait             = 30000   ms a user waits for its room to fill, and for the others' messages
 *   muc_room_prefix      = "amoc-room-"   rooms are <prefix><n>@conference.<xmpp_domain>
 */
public class GroupChat implements Scenario<Void> {

    private static final long POLL_MS = 20;

    @Override
    public void start(long userId, Void state) throws Exception {
        // Parameters are read at every iteration, so config.set(...) changes a running test.
        long roomSize = AmocConfig.get("muc_room_size", 10L);
        long messages = AmocConfig.get("muc_messages", 1L);
        long interval = AmocConfig.get("muc_message_interval", 1000L);
        long patience = AmocConfig.get("muc_wait", 30_000L);
        long roomNumber = (userId - 1) / roomSize + 1;
        EntityBareJid room = TimedGroupChat.room(AmocConfig.get("muc_room_prefix", "amoc-room-") + roomNumber);

        // 1. Log in (timed, counted) and say we are available.
        AbstractXMPPConnection connection = Xmpp.connect(userId);
        try {
            Xmpp.sendPresence(connection);
            // 2. Enter the room under our own nick; from now on, every stamped message of the others is timed.
            try (TimedGroupChat chat = TimedGroupChat.join(connection, room, "user-" + userId)) {
                // 3. Wait for the whole room, so everyone hears every message.
                if (!waitUntil(() -> chat.occupants() >= roomSize, patience)) {
                    AmocMetrics.count("rooms_incomplete");
                }
                // 4. Post: each message is timed by every other member when it arrives.
                for (long i = 0; i < messages; i++) {
                    if (i > 0) {
                        Thread.sleep(interval);
                    }
                    chat.post();
                }
                // 5. Stay until we heard the others' messages, so that they are not posted to an empty seat.
                long expected = (roomSize - 1) * messages;
                if (!waitUntil(() -> chat.received() >= expected, patience)) {
                    AmocMetrics.count("room_messages_missing", expected - chat.received());
                }
            }   // 6. leave the room
        } finally {
            Xmpp.disconnect(connection);   // 7. log out cleanly
        }
    }

    /** Polls {@code condition} until it holds (true) or {@code millis} pass (false). */
    private static boolean waitUntil(java.util.function.BooleanSupplier condition, long millis)
            throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL_MS);
        }
        return true;
    }
}
