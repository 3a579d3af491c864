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
 * (the ids just below and just above its own) every chat_message_interval ms, chat_rounds times, and logs out.
 * Every message carries its send time, so the receiver records amoc.times.message_ttd; the counters
 * messages_sent, messages_received and messages_undelivered (bounced: the neighbour was offline) tell
 * whether everything arrived.
 *
 * Parameters (config keys, with their defaults):
 *   chat_neighbours_before = 4      how many lower ids each user writes to
 *   chat_neighbours_after  = 4      how many higher ids each user writes to
 *   chat_rounds            = 10     how many messages each neighbour receives per iteration
 *   chat_message_interval  = 2000   ms between two rounds
 */
public class OneToOneChat implements Scenario<Void> {

    @Override
    public void start(long userId, Void state) throws Exception {
        // Read at every iteration, so config.set(...) in the shell changes a running test.
        long before = AmocConfig.get("chat_neighbours_before", 4L);
        long after = AmocConfig.get("chat_neighbours_after", 4L);
        long rounds = AmocConfig.get("chat_rounds", 10L);
        long interval = AmocConfig.get("chat_message_interval", 2000L);

        // 1. Log in: records amoc.times.connection; a refused login throws XmppLoginException (counted).
        AbstractXMPPConnection connection = Xmpp.connect(userId);
        // 2. Record the stamped messages this user receives (TTD), from now on.
        try (TimedMessages messages = TimedMessages.on(connection)) {
            // 3. Tell the server we are available, as a real client would.
            Xmpp.sendPresence(connection);
            List<EntityBareJid> neighbours = neighbours(userId, before, after);
            // 4. Chat: one message to every neighbour per round. The pause comes first so that
            //    neighbours spawned just after us have logged in before the first message.
            for (long round = 0; round < rounds; round++) {
                Thread.sleep(interval);   // interrupted when the user is removed with force=true
                for (EntityBareJid neighbour : neighbours) {
                    messages.send(neighbour);
                }
            }
            // 5. Give the last messages time to arrive before this user goes offline.
            Thread.sleep(interval);
        } finally {
            // 6. Log out cleanly (unavailable presence, closing </stream>).
            Xmpp.disconnect(connection);
        }
    }

    /** The ids around ours, without ourselves and without ids below 1. */
    private static List<EntityBareJid> neighbours(long userId, long before, long after) {
        List<EntityBareJid> jids = new ArrayList<>();
        for (long id = Math.max(1, userId - before); id <= userId + after; id++) {
            if (id != userId) {
                jids.add(Xmpp.jid(id));
            }
        }
        return jids;
    }
}
