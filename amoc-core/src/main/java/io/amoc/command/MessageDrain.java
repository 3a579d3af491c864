package io.amoc.command;

import io.amoc.cluster.Cluster;
import io.amoc.metrics.MessageAccount;
import io.amoc.metrics.MetricsSnapshot;

import java.time.Duration;

/**
 * The drain before a run stops: when the run sent stamped messages, every node stops sending them and the stop waits,
 * up to {@code message_drain_time}, until each one sent is accounted for over the whole cluster (received, bounced or
 * stale; sender and receiver may be on different nodes). What is still unaccounted then is {@code messages_missing}
 * in the run's summary ({@link MessageAccount#withMissing}).
 */
final class MessageDrain {

    /** How often the nodes' counters are asked while draining. */
    private static final long POLL_MILLIS = 50;

    private MessageDrain() {
    }

    /**
     * Drains the run that started with the counters {@code atStart}; returns at once when it sent no stamped message.
     * An interrupt ends the wait early (the interrupt stays set).
     */
    static void drain(Cluster cluster, MetricsSnapshot atStart, Duration drainTime) {
        if (drainTime.isZero() || accountSince(cluster, atStart).sent() == 0) {
            return;
        }
        cluster.drain();
        long deadline = System.nanoTime() + drainTime.toNanos();
        while (!accountSince(cluster, atStart).closed() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static MessageAccount accountSince(Cluster cluster, MetricsSnapshot atStart) {
        return MessageAccount.of(ClusterMetrics.of(cluster.metrics()).snapshot()).since(MessageAccount.of(atStart));
    }
}
