package io.amoc.xmpp;

import io.amoc.scenario.AmocMetrics;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.mam.MamManager;
import org.jxmpp.jid.Jid;

import java.util.List;

/**
 * The message archive (XEP-0313, smack-experimental's {@link MamManager}): turn archiving on for a user, and fetch
 * a page of its archive, timed.
 *
 * <pre>{@code
 * Archive.enable(connection);                                       // servers that archive on request
 * List<Message> page = Archive.lastPage(connection, Xmpp.jid(peer), 50);
 * }</pre>
 *
 * Metrics: {@code amoc.times.archive_query} (µs from asking to the last message of the page),
 * {@code amoc.counters.archive_queries} and {@code amoc.counters.archive_messages_fetched}.
 */
public final class Archive {

    private static final long NANOS_PER_MICRO = 1_000;

    private Archive() {
    }

    /** Asks the server to archive every message of this user from now on (its XEP-0313 preferences). */
    public static void enable(XMPPConnection connection) throws XMPPException, SmackException, InterruptedException {
        MamManager.getInstanceFor(connection).enableMamForAllMessages();
    }

    /**
     * The most recent messages, at most {@code max}, this user exchanged with {@code with}, oldest first; the
     * query is timed in {@code archive_query}.
     */
    public static List<Message> lastPage(XMPPConnection connection, Jid with, int max)
            throws XMPPException, SmackException, InterruptedException {
        long started = System.nanoTime();
        List<Message> page = MamManager.getInstanceFor(connection).queryMostRecentPage(with, max).getMessages();
        AmocMetrics.time("archive_query", (System.nanoTime() - started) / NANOS_PER_MICRO);
        AmocMetrics.count("archive_queries");
        AmocMetrics.count("archive_messages_fetched", page.size());
        return page;
    }
}
