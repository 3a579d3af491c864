package io.amoc.xmpp;

import io.amoc.scenario.AmocMetrics;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.StanzaExtensionFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chat messages that measure their time to deliver (TTD). Each message carries its send time (epoch µs, so
 * sender and receiver may be different JVMs on synchronised clocks) and a sequence number per sender and
 * recipient, in an {@code <ttd xmlns='urn:xmpp:amoc:ttd'/>} element.
 *
 * <pre>{@code
 * TimedMessages messages = TimedMessages.on(connection);   // starts recording what this user receives
 * messages.send(Xmpp.jid(userId + 1));                     // counted in messages_sent
 * }</pre>
 *
 * On receipt: {@code amoc.times.message_ttd} (µs) and {@code amoc.counters.messages_received}. Loss is visible
 * by comparing {@code messages_sent} with {@code messages_received} once messages in flight have arrived; a
 * message arriving after one its sender sent later counts in {@code messages_out_of_order}, and a jump in a
 * sender's sequence counts the skipped numbers in {@code messages_skipped} (not yet arrived: late or lost), and
 * a message the server bounced as an error (e.g. the recipient was offline) counts in {@code messages_undelivered}.
 */
public final class TimedMessages implements AutoCloseable {

    /** Namespace of the stamp element. */
    public static final String NAMESPACE = "urn:xmpp:amoc:ttd";
    /** Name of the stamp element. */
    public static final String ELEMENT = "ttd";
    private static final long MICROS_PER_SECOND = 1_000_000;
    private static final long NANOS_PER_MICRO = 1_000;

    private final XMPPConnection connection;
    private final StanzaListener listener = this::received;
    private final StanzaListener bounceListener = stanza -> AmocMetrics.count("messages_undelivered");
    private final Map<Jid, AtomicLong> sentTo = new ConcurrentHashMap<>();
    private final Map<Jid, Long> highestFrom = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong receivedCount = new AtomicLong();

    private TimedMessages(XMPPConnection connection) {
        this.connection = connection;
    }

    /** Starts recording the stamped messages that arrive on {@code connection}; {@link #close()} stops it. */
    public static TimedMessages on(XMPPConnection connection) {
        TimedMessages messages = new TimedMessages(connection);
        connection.addSyncStanzaListener(messages.listener, new StanzaExtensionFilter(ELEMENT, NAMESPACE));
        connection.addSyncStanzaListener(messages.bounceListener, MessageTypeFilter.ERROR);
        return messages;
    }

    /** Sends a stamped chat message to {@code to} with the body {@code "Hello, <to>!"}. */
    public void send(EntityBareJid to) throws SmackException.NotConnectedException, InterruptedException {
        send(to, "Hello, " + to.getLocalpart() + "!");
    }

    /** Sends a stamped chat message with {@code body} to {@code to}; counted in {@code messages_sent}. */
    public void send(EntityBareJid to, String body) throws SmackException.NotConnectedException, InterruptedException {
        long sequence = sentTo.computeIfAbsent(to, jid -> new AtomicLong()).incrementAndGet();
        StandardExtensionElement stamp = StandardExtensionElement.builder(ELEMENT, NAMESPACE)
                .addAttribute("sent", Long.toString(epochMicros()))
                .addAttribute("seq", Long.toString(sequence))
                .build();
        Message message = connection.getStanzaFactory().buildMessageStanza()
                .to(to).ofType(Message.Type.chat).setBody(body).addExtension(stamp).build();
        connection.sendStanza(message);
        sent.incrementAndGet();
        AmocMetrics.count("messages_sent");
    }

    /** How many stamped messages this user sent. */
    public long sent() {
        return sent.get();
    }

    /** How many stamped messages this user received. */
    public long received() {
        return receivedCount.get();
    }

    /** Stops recording (the connection stays open). */
    @Override
    public void close() {
        connection.removeSyncStanzaListener(listener);
        connection.removeSyncStanzaListener(bounceListener);
    }

    /** Microseconds since the epoch, as precise as the system clock gives them. */
    public static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * MICROS_PER_SECOND + now.getNano() / NANOS_PER_MICRO;
    }

    private void received(Stanza stanza) {
        long arrived = epochMicros();
        if (!(stanza.getExtensionElement(ELEMENT, NAMESPACE) instanceof StandardExtensionElement stamp)) {
            return;
        }
        long sentAt = Long.parseLong(stamp.getAttributeValue("sent"));
        long sequence = Long.parseLong(stamp.getAttributeValue("seq"));
        receivedCount.incrementAndGet();
        AmocMetrics.count("messages_received");
        AmocMetrics.time("message_ttd", Math.max(0, arrived - sentAt));
        trackSequence(stanza.getFrom().asBareJid(), sequence);
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
