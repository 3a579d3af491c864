package io.amoc.metrics;

import java.util.Map;
import java.util.TreeMap;

/**
 * A run's stamped messages as {@code io.amoc.xmpp.TimedMessages} counts them: sent, and each one that came back
 * counted once, as received (live, timed), bounced (an error from the server) or stale (stored by the server and
 * delivered late, or stamped by another run; never timed). Taken from one node's counters, or from the cluster's
 * merged ones, where sender and receiver may be on different nodes.
 *
 * @param sent          {@value #SENT}
 * @param received      {@value #RECEIVED}
 * @param bounced       {@value #BOUNCED}
 * @param stale         {@value #STALE}, those of other runs included
 * @param fromOtherRuns {@value #FROM_OTHER_RUNS}: the stale ones stamped by another run (not sent by this one)
 */
public record MessageAccount(long sent, long received, long bounced, long stale, long fromOtherRuns) {

    /** Stamped messages sent. */
    public static final String SENT = "messages_sent";
    /** Stamped messages received live, each timed in {@value #TIME}. */
    public static final String RECEIVED = "messages_received";
    /** Stamped messages the server bounced with an error (e.g. the recipient was offline), counted once each. */
    public static final String BOUNCED = "messages_undelivered";
    /** Stamped messages that arrived late (with {@code <delay/>}) or from another run: never timed. */
    public static final String STALE = "messages_stale";
    /** Of the stale ones, those stamped by another run. */
    public static final String FROM_OTHER_RUNS = "messages_from_other_runs";
    /** In a run's summary: sent in the run and neither received, bounced nor stale after the drain. */
    public static final String MISSING = "messages_missing";
    /** Time to deliver of a live stamped message, µs. */
    public static final String TIME = "message_ttd";

    /** The account in {@code metrics}' counters. */
    public static MessageAccount of(MetricsSnapshot metrics) {
        Map<String, Long> counters = metrics.counters();
        return new MessageAccount(counters.getOrDefault(SENT, 0L), counters.getOrDefault(RECEIVED, 0L),
                counters.getOrDefault(BOUNCED, 0L), counters.getOrDefault(STALE, 0L),
                counters.getOrDefault(FROM_OTHER_RUNS, 0L));
    }

    /** What was counted after {@code earlier} (of the same node or cluster). */
    public MessageAccount since(MessageAccount earlier) {
        return new MessageAccount(sent - earlier.sent, received - earlier.received, bounced - earlier.bounced,
                stale - earlier.stale, fromOtherRuns - earlier.fromOtherRuns);
    }

    /** Messages of this run that are still unaccounted: sent - received - bounced - stale of this run. */
    public long missing() {
        return sent - received - bounced - (stale - fromOtherRuns);
    }

    /** Every message sent is accounted for. */
    public boolean closed() {
        return missing() <= 0;
    }

    /**
     * {@code run} (a run's counters since its start) with {@value #MISSING} among its counters when the run sent
     * stamped messages; unchanged otherwise.
     */
    public static MetricsSnapshot withMissing(MetricsSnapshot run) {
        MessageAccount account = of(run);
        if (account.sent() == 0) {
            return run;
        }
        Map<String, Long> counters = new TreeMap<>(run.counters());
        counters.put(MISSING, Math.max(0, account.missing()));
        return new MetricsSnapshot(run.node(), run.takenAtMillis(), run.users(), counters, run.gauges(),
                run.histograms(), run.lastMinute());
    }
}
