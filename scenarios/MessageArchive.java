import io.amoc.scenario.AmocConfig;
import io.amoc.scenario.AmocMetrics;
import io.amoc.scenario.Scenario;
import io.amoc.xmpp.Archive;
import io.amoc.xmpp.TimedMessages;
import io.amoc.xmpp.Xmpp;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.packet.Message;
import org.jxmpp.jid.EntityBareJid;

import java.util.List;

/**
 * The message archive (XEP-0313 MAM): send, then read the archive back, timed (as amoc's MAM scenarios).
 *
 * Users chat in pairs (1 with 2, 3 with 4, ...). Each user asks the server to archive its messages, sends
 * mam_messages stamped chat messages to its partner (time-to-deliver recorded by the partner, as in OneToOneChat),
 * then fetches the most recent page of its archive with the partner (at most mam_page_size messages) and checks
 * that the messages it sent are there. The fetch is timed in amoc.times.archive_query.
 *
 * Counters: archive_queries, archive_messages_fetched, archive_messages_missing (own messages not in the page:
 * the archive lost them, or the page was too small).
 *
 * Parameters (config keys, with their defaults):
 *   mam_messages         = 5       messages each user sends per iteration
 *   mam_message_interval = 100     ms between two messages
 *   mam_page_size        = 50      messages asked for in one page (at least 2 * mam_messages)
 */
public class MessageArchive implements Scenario<Void> {

    @Override
    public void start(long userId, Void state) throws Exception {
        long messages = AmocConfig.get("mam_messages", 5L);
        long interval = AmocConfig.get("mam_message_interval", 100L);
        int pageSize = AmocConfig.get("mam_page_size", 50);
        EntityBareJid partner = Xmpp.jid(userId % 2 == 1 ? userId + 1 : userId - 1);

        AbstractXMPPConnection connection = Xmpp.connect(userId);
        try (TimedMessages chat = TimedMessages.on(connection)) {
            Xmpp.sendPresence(connection);
            // 1. Servers that archive on request (the sandbox's default) need to be asked first.
            Archive.enable(connection);
            // 2. Chat with the partner: each message goes into both users' archives.
            for (long i = 0; i < messages; i++) {
                chat.send(partner, "archived " + i + " from " + userId);
                Thread.sleep(interval);
            }
            // 3. Read the most recent page back, timed, and look for our own messages in it.
            List<Message> page = Archive.lastPage(connection, partner, pageSize);
            long ours = page.stream().filter(m -> m.getBody() != null
                    && m.getBody().endsWith(" from " + userId)).count();
            if (ours < messages) {
                AmocMetrics.count("archive_messages_missing", messages - ours);
            }
        } finally {
            Xmpp.disconnect(connection);
        }
    }
}
