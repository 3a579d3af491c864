package io.amoc.xmpp;

import io.amoc.engine.CurrentRun;
import io.amoc.metrics.MessageAccount;
import io.amoc.scenario.AmocMetrics;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chat messages that measure their time to deliver (TTD). Each message carries the run's id, its send time (epoch µs,
 * so sender and receiver may be different JVMs on synchronised clocks) and a sequence number per sender and
 * recipient, in a {@code <ttd xmlns='urn:xmpp:amoc:ttd' run='...' sent='...' seq='...'/>} element.
 *
 * <pre>{@code
 * TimedMessages messages = TimedMessages.on(connection);   // starts recording what this user receives
 * messages.send(Xmpp.jid(userId - 1));                     // counted in messages_sent
 * }</pre>
 *
 * Every stamped message that comes back to a user listening with {@code on} is counted once, as one of:
 * <ul>
 *   <li>{@code messages_received}: live and sent in this run; its time to deliver goes into
 *       {@code amoc.times.message_ttd} (µs);</li>
 *   <li>{@code messages_undelivered}: the server bounced it with an error (e.g. the recipient was offline), whether or
 *       not the bounce repeats the message's payload;</li>
 *   <li>{@code messages_stale}: stored by the server and delivered late (it carries {@code <delay/>}), or stamped by
 *       another run (those also count in {@code messages_from_other_runs}); never timed.</li>
 * </ul>
 * A live message arriving after one its sender sent later counts in {@code messages_out_of_order}, and a jump in a
 * sender's sequence counts the skipped numbers in {@code messages_skipped} (not arrived yet: late or lost). When a
 * run stops, it first drains: {@link #send} sends nothing more while messages in flight arrive, and the run's summary
 * counts those sent and never accounted for in {@code messages_missing}. Use one {@code TimedMessages} per connection.
 */
public final class TimedMessages implements AutoCloseable {

    /** Namespace of the stamp element. */
    public static final String NAMESPACE = Stamp.NAMESPACE;
    /** Name of the stamp element. */
    public static final String ELEMENT = Stamp.ELEMENT;

    private final XMPPConnection connection;
    private final CurrentRun run;
    private final StanzaListener listener = this::arrived;
    private final Map<Jid, AtomicLong> sentTo = new ConcurrentHashMap<>();
    private final Map<Jid, Long> highestFrom = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong receivedCount = new AtomicLong();

    private TimedMessages(XMPPConnection connection, CurrentRun run) {
        this.connection = connection;
        this.run = run;
    }

    /**
     * Starts recording the stamped messages (and bounces of them) that arrive on {@code connection}, for the run of
     * the calling user; {@link #close()} stops it. Keep it on until the connection closes, so that nothing arriving
     * in between goes uncounted.
     */
    public static TimedMessages on(XMPPConnection connection) {
        TimedMessages messages = new TimedMessages(connection, CurrentRun.ofThisUser());
        connection.addSyncStanzaListener(messages.listener, Stamp::concerns);
        return messages;
    }

    /** Sends a stamped chat message to {@code to} with the body {@code "Hello, <to>!"}. */
    public void send(EntityBareJid to) throws SmackException.NotConnectedException, InterruptedException {
        send(to, "Hello, " + to.getLocalpart() + "!");
    }

    /**
     * Sends a stamped chat message with {@code body} to {@code to}; counted in {@code messages_sent}. While the run
     * drains before its stop, nothing is sent.
     */
    public void send(EntityBareJid to, String body) throws SmackException.NotConnectedException, InterruptedException {
        if (run.draining()) {
            return;
        }
        long sequence = sentTo.computeIfAbsent(to, jid -> new AtomicLong()).incrementAndGet();
        Message message = StanzaBuilder.buildMessage(Stamp.stanzaId(run.id()))
                .to(to).ofType(Message.Type.chat).setBody(body).addExtension(Stamp.now(run.id(), sequence).element())
                .build();
        connection.sendStanza(message);
        sent.incrementAndGet();
        AmocMetrics.count(MessageAccount.SENT);
    }

    /** How many stamped messages this user sent. */
    public long sent() {
        return sent.get();
    }

    /** How many stamped messages this user received live. */
    public long received() {
        return receivedCount.get();
    }

    /** Stops recording (the connection stays open). */
    @Override
    public void close() {
        connection.removeSyncStanzaListener(listener);
    }

    /** Microseconds since the epoch, as precise as the system clock gives them. */
    public static long epochMicros() {
        return Stamp.epochMicros();
    }

    private void arrived(Stanza stanza) {
        long arrived = epochMicros();
        switch (Stamp.classify(stanza, run.id())) {
            case LIVE -> {
                Stamp stamp = Stamp.in(stanza).orElseThrow();
                receivedCount.incrementAndGet();
                AmocMetrics.count(MessageAccount.RECEIVED);
                AmocMetrics.time(MessageAccount.TIME, Math.max(0, arrived - stamp.sentMicros()));
                trackSequence(stanza.getFrom().asBareJid(), stamp.sequence());
            }
            case BOUNCED -> AmocMetrics.count(MessageAccount.BOUNCED);
            case DELAYED -> AmocMetrics.count(MessageAccount.STALE);
            case OTHER_RUN -> {
                AmocMetrics.count(MessageAccount.STALE);
                AmocMetrics.count(MessageAccount.FROM_OTHER_RUNS);
            }
            case UNSTAMPED -> {
                // not ours: another listener's business
            }
        }
    }

    private void trackSequence(Jid from, long sequence) {
        long highest = highestFrom.getOrDefault(from, 0L);
        if (sequence <= highest) {
            AmocMetrics.count("messages_out_of_order");
            return;
        }
        if (sequence > highest + 1) {
            AmocMetrics.count("messages_skipped", sequence - highest - 1);
        }
        highestFrom.put(from, sequence);
    }
}
