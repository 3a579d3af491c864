package io.amoc.xmpp;

import io.amoc.scenario.AmocMetrics;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.StandardExtensionElement;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link TimedMessages}' stamp ({@code <ttd xmlns='urn:xmpp:amoc:ttd' sent='<epoch µs>' seq='<n>'/>}) for the
 * other helpers: made for a room message or a published item, read back from a received stanza or payload, and the
 * time to deliver recorded.
 */
final class Stamps {

    private static final Pattern SENT = Pattern.compile("\\bsent=['\"](\\d+)['\"]");

    private Stamps() {
    }

    /** A stamp sent now, numbered {@code sequence}. */
    static StandardExtensionElement now(long sequence) {
        return StandardExtensionElement.builder(TimedMessages.ELEMENT, TimedMessages.NAMESPACE)
                .addAttribute("sent", Long.toString(TimedMessages.epochMicros()))
                .addAttribute("seq", Long.toString(sequence))
                .build();
    }

    /** The send time of a stamp as Smack parsed it, if {@code element} is one. */
    static OptionalLong sentMicros(ExtensionElement element) {
        if (element instanceof StandardExtensionElement stamp && stamp.getAttributeValue("sent") != null) {
            return parse(stamp.getAttributeValue("sent"));
        }
        return element == null ? OptionalLong.empty() : sentMicros(element.toXML().toString());
    }

    /** The send time of a stamp in XML text (e.g. a publish-subscribe payload), if it holds one. */
    static OptionalLong sentMicros(String xml) {
        if (!xml.contains(TimedMessages.NAMESPACE)) {
            return OptionalLong.empty();
        }
        Matcher sent = SENT.matcher(xml);
        return sent.find() ? parse(sent.group(1)) : OptionalLong.empty();
    }

    /** Counts one arrival in {@code counter} and its time to deliver in {@code time} (µs, never negative). */
    static void arrived(long sentMicros, String counter, String time) {
        long ttd = Math.max(0, TimedMessages.epochMicros() - sentMicros);
        AmocMetrics.count(counter);
        AmocMetrics.time(time, ttd);
    }

    private static OptionalLong parse(String digits) {
        try {
            return OptionalLong.of(Long.parseLong(digits));
        } catch (NumberFormatException notAStamp) {
            return OptionalLong.empty();
        }
    }
}
