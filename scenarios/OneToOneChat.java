import io.amoc.scenario.AmocConfig;
import io.amoc.scenario.Scenario;
import io.amoc.xmpp.TimedMessages;
import io.amoc.xmpp.Xmpp;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jxmpp.jid.EntityBareJid;

import java.util.ArrayList;
import java.util.List;

/**
 * One-to-one chat with time-to-deliver (amoc's mongoose_simple_with_metrics).
 *
 * Each user logs in as user_<id>, says it is available, then sends a chat message to each of its neighbours
 * every chat_message_interval ms, chat_rounds times, and logs out. Its neighbours are the chat_neighbours ids just
 * below its own: users that exist in the run (ids are given out from 1 upwards, and removals take the highest ids
 * first), so no message goes to an id that never logs in. Every message carries its send time and the run's id, so
 * the receiver records amoc.times.message_ttd; each message sent comes back counted once as messages_received,
 * messages_undelivered (bounced: the neighbour was offline at that moment) or messages_stale (see docs/xmpp.md).
 *
 * Parameters (config keys, with their defaults):
 *   chat_neighbours        = 8      how many lower ids each user writes to
 *   chat_rounds            = 10     how many messages each neighbour receives per iteration
 *   chat_message_interval  = 2000   ms between two rounds
 */
public class OneToOneChat implements Scenario<Void> {

    @Override
    public void start(long userId, Void state) throws Exception {
        // Read at every iteration, so config.set(...) in the shell changes a running test.
        long neighbourCount = AmocConfig.get("chat_neighbours", 8L);
        long rounds = AmocConfig.get("chat_rounds", 10L);
        long interval = AmocConfig.get("chat_message_interval", 2000L);

        // 1. Log in: records amoc.times.connection; a refused login throws XmppLoginException (counted).
        AbstractXMPPConnection connection = Xmpp.connect(userId);
        try {
            // 2. Record the stamped messages this user receives (TTD), from now until the connection closes.
            TimedMessages messages = TimedMessages.on(connection);
            // 3. Tell the server we are available, as a real client would.
            Xmpp.sendPresence(connection);
            List<EntityBareJid> neighbours = neighbours(userId, neighbourCount);
            // 4. Chat: one message to every neighbour per round. The pause comes first so that
            //    neighbours spawned just before us have logged in before the first message.
            for (long round = 0; round < rounds; round++) {
                Thread.sleep(interval);   // interrupted when the user is removed with force=true
                for (EntityBareJid neighbour : neighbours) {
                    messages.send(neighbour);
                }
            }
            // 5. Give the last messages (ours, and our neighbours' to us) time to arrive before going offline.
            Thread.sleep(interval);
        } finally {
            // 6. Log out cleanly (unavailable presence, closing </stream>); what arrives meanwhile is still counted.
            Xmpp.disconnect(connection);
        }
    }

    /** The ids just below ours, down to 1. */
    private static List<EntityBareJid> neighbours(long userId, long count) {
        List<EntityBareJid> jids = new ArrayList<>();
        for (long id = userId - 1; id >= Math.max(1, userId - count); id--) {
            jids.add(Xmpp.jid(id));
        }
        return jids;
    }
}
