package io.amoc.xmpp;

import io.amoc.engine.CurrentRun;
import io.amoc.scenario.AmocMetrics;
import org.jivesoftware.smack.packet.StandardExtensionElement;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Stamp}s for the group-chat and publish-subscribe helpers: made for a room message or a published item of
 * the sender's run, read back from a payload, and each arrival counted. Live and of the receiver's run, it is
 * received and timed; delivered late by the server ({@code <delay/>}, e.g. a room's history or a node's last item)
 * or stamped by another run, it is stale and never timed.
 */
final class Stamps {

    private static final Pattern RUN = Pattern.compile("\\brun=['\"]([^'\"]*)['\"]");
    private static final Pattern SENT = Pattern.compile("\\bsent=['\"](\\d+)['\"]");
    private static final Pattern SEQUENCE = Pattern.compile("\\bseq=['\"](\\d+)['\"]");

    private Stamps() {
    }

    /** A stamp of {@code run} sent now, numbered {@code sequence}. */
    static StandardExtensionElement now(CurrentRun run, long sequence) {
        return Stamp.now(run.id(), sequence).element();
    }

    /** The stamp in XML text (e.g. a publish-subscribe payload), if it holds a well-formed one. */
    static Optional<Stamp> in(String xml) {
        if (!xml.contains(Stamp.NAMESPACE)) {
            return Optional.empty();
        }
        Matcher sent = SENT.matcher(xml);
        Matcher sequence = SEQUENCE.matcher(xml);
        if (!sent.find() || !sequence.find()) {
            return Optional.empty();
        }
        Matcher run = RUN.matcher(xml);
        try {
            return Optional.of(new Stamp(run.find() ? run.group(1) : "", Long.parseLong(sent.group(1)),
                    Long.parseLong(sequence.group(1))));
        } catch (NumberFormatException notAStamp) {
            return Optional.empty();
        }
    }

    /**
     * Counts the arrival of {@code stamp} at a user of {@code run}: live and of the run, in {@code received} with its
     * time to deliver in {@code time} (µs, never negative); otherwise in {@code stale}, untimed.
     *
     * @return whether it was live
     */
    static boolean arrived(Stamp stamp, boolean delayed, CurrentRun run, String received, String time, String stale) {
        if (stamp.arrival(run.id(), delayed) != Stamp.Arrival.LIVE) {
            AmocMetrics.count(stale);
            return false;
        }
        AmocMetrics.count(received);
        AmocMetrics.time(time, Math.max(0, Stamp.epochMicros() - stamp.sentMicros()));
        return true;
    }
}
