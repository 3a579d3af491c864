package io.amoc.xmpp;

import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.Stanza;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stamp that times a delivery, {@code <ttd xmlns='urn:xmpp:amoc:ttd' run='<run id>' sent='<epoch µs>'
 * seq='<n>'/>}, and what an arriving stanza that carries one is ({@link #classify}): live, stored and delivered late,
 * from another run, or an error bounce. Stamped messages get stanza ids {@code ttd-<run id>-<n>}, so that a bounce is
 * recognised whether or not the server echoes the payload (RFC 6120 keeps the id of an error reply). These are
 * {@link TimedMessages}' rules; the group-chat and publish-subscribe helpers stamp and count with {@link Stamps}.
 *
 * @param run        the id of the run that sent it ({@link io.amoc.engine.CurrentRun})
 * @param sentMicros its send time, µs since the epoch
 * @param sequence   its number, per sender and recipient
 */
record Stamp(String run, long sentMicros, long sequence) {

    static final String NAMESPACE = "urn:xmpp:amoc:ttd";
    static final String ELEMENT = "ttd";
    private static final String ID_PREFIX = "ttd-";
    private static final String DELAY = "delay";
    private static final String DELAY_NAMESPACE = "urn:xmpp:delay";
    private static final String LEGACY_DELAY = "x";
    private static final String LEGACY_DELAY_NAMESPACE = "jabber:x:delay";
    private static final long MICROS_PER_SECOND = 1_000_000;
    private static final long NANOS_PER_MICRO = 1_000;
    private static final AtomicLong IDS = new AtomicLong();

    /** What a stanza carrying a stamp, or bouncing one, is to the run that receives it. */
    enum Arrival {
        /** Live and of this run: received, its time to deliver recorded. */
        LIVE,
        /** Of this run but stored by the server and delivered late ({@code <delay/>}): stale, never timed. */
        DELAYED,
        /** Stamped by another run (its stamp or its bounce): stale, never timed. */
        OTHER_RUN,
        /** An error bounce of a message of this run, counted once whatever payload the server echoes. */
        BOUNCED,
        /** Neither a stamped message nor a bounce of one. */
        UNSTAMPED
    }

    /** A stamp sent now by {@code run}, numbered {@code sequence}. */
    static Stamp now(String run, long sequence) {
        return new Stamp(run, epochMicros(), sequence);
    }

    /** Microseconds since the epoch, as precise as the system clock gives them. */
    static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * MICROS_PER_SECOND + now.getNano() / NANOS_PER_MICRO;
    }

    /** The stamp as an element to add to a stanza. */
    StandardExtensionElement element() {
        return StandardExtensionElement.builder(ELEMENT, NAMESPACE)
                .addAttribute("run", run)
                .addAttribute("sent", Long.toString(sentMicros))
                .addAttribute("seq", Long.toString(sequence))
                .build();
    }

    /** A new stanza id for a stamped stanza of {@code run}. */
    static String stanzaId(String run) {
        return ID_PREFIX + run + "-" + Long.toString(IDS.incrementAndGet(), Character.MAX_RADIX);
    }

    /** The stamp {@code stanza} carries, if it carries a well-formed one. */
    static Optional<Stamp> in(Stanza stanza) {
        ExtensionElement element = stanza.getExtensionElement(ELEMENT, NAMESPACE);
        if (!(element instanceof StandardExtensionElement stamp)) {
            return Optional.empty();
        }
        try {
            String run = stamp.getAttributeValue("run");
            return Optional.of(new Stamp(run == null ? "" : run, Long.parseLong(stamp.getAttributeValue("sent")),
                    Long.parseLong(stamp.getAttributeValue("seq"))));
        } catch (NumberFormatException | NullPointerException notAStamp) {
            return Optional.empty();
        }
    }

    /** Whether {@code stanza} is a stamped message or its bounce, as cheaply as it can be told (a stanza filter). */
    static boolean concerns(Stanza stanza) {
        return stanza instanceof Message message && (message.getType() == Message.Type.error
                ? runOfStanzaId(message.getStanzaId()).isPresent() || in(message).isPresent()
                : message.getExtensionElement(ELEMENT, NAMESPACE) != null);
    }

    /** What {@code stanza} is to the run {@code run} that receives it. */
    static Arrival classify(Stanza stanza, String run) {
        if (!(stanza instanceof Message message)) {
            return Arrival.UNSTAMPED;
        }
        Optional<Stamp> stamp = in(message);
        if (message.getType() == Message.Type.error) {
            Optional<String> sentBy = stamp.map(Stamp::run).or(() -> runOfStanzaId(message.getStanzaId()));
            if (sentBy.isEmpty()) {
                return Arrival.UNSTAMPED;
            }
            return sentBy.get().equals(run) ? Arrival.BOUNCED : Arrival.OTHER_RUN;
        }
        if (stamp.isEmpty()) {
            return Arrival.UNSTAMPED;
        }
        return stamp.get().arrival(run, delayed(message));
    }

    /** What this stamp is to the run {@code receivingRun}, delivered late by the server or not. */
    Arrival arrival(String receivingRun, boolean delayed) {
        if (!run.equals(receivingRun)) {
            return Arrival.OTHER_RUN;
        }
        return delayed ? Arrival.DELAYED : Arrival.LIVE;
    }

    /** Stored and delivered late: it carries XEP-0203's {@code <delay/>} (or the legacy XEP-0091 one). */
    static boolean delayed(Stanza stanza) {
        return stanza.getExtensionElement(DELAY, DELAY_NAMESPACE) != null
                || stanza.getExtensionElement(LEGACY_DELAY, LEGACY_DELAY_NAMESPACE) != null;
    }

    private static Optional<String> runOfStanzaId(String id) {
        if (id == null || !id.startsWith(ID_PREFIX)) {
            return Optional.empty();
        }
        int end = id.lastIndexOf('-');
        return end < ID_PREFIX.length() ? Optional.empty() : Optional.of(id.substring(ID_PREFIX.length(), end));
    }
}
