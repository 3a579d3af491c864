package io.amoc.xmpp;

import io.amoc.config.Config;
import io.amoc.metrics.MessageAccount;
import io.amoc.metrics.NodeMetrics;
import org.HdrHistogram.Histogram;
import org.jivesoftware.smack.AbstractXMPPConnection;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Bursts of stamped messages from one user to another on an otherwise idle server, the workload that shows a
 * server's Nagle algorithm: a burst's later messages wait for the receiving client's delayed ACK (about 40 ms on
 * Linux), a step in {@code message_ttd}'s top percentiles. {@link BurstDeliveryTest} runs it against each sandbox;
 * {@code bench/xmpp/nagle} runs {@link #main} against servers with Nagle on and off and prints the figures.
 */
final class BurstDelivery {

    static final int BURST = 8;
    static final Duration BETWEEN_BURSTS = Duration.ofMillis(200);
    private static final long SENDER = 201;
    private static final long RECEIVER = 202;
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final long POLL_MS = 10;
    private static final double MICROS_PER_MILLI = 1000.0;
    private static final int WARM_UP_BURSTS = 10;

    /** Time to deliver of the messages of one measurement, in ms. */
    record Figures(long messages, double p50, double p95, double p99, double max) {

        static Figures of(Histogram ttd) {
            return new Figures(ttd.getTotalCount(), ms(ttd.getValueAtPercentile(50)),
                    ms(ttd.getValueAtPercentile(95)), ms(ttd.getValueAtPercentile(99)), ms(ttd.getMaxValue()));
        }

        private static double ms(long micros) {
            return micros / MICROS_PER_MILLI;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%5d messages  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms",
                    messages, p50, p95, p99, max);
        }
    }

    private BurstDelivery() {
    }

    /**
     * Logs two users in to the server on {@code port} of 127.0.0.1 (fresh config and metrics), sends {@code bursts}
     * bursts of {@link #BURST} stamped messages from one to the other, {@link #BETWEEN_BURSTS} apart, waits until all
     * arrived and returns their times to deliver.
     */
    static Figures measure(int port, int bursts) throws Exception {
        Config.install(new Config(Map.of(), Map.of()));
        Config.global().set("xmpp_port", (long) port);
        NodeMetrics.install(new NodeMetrics());
        AbstractXMPPConnection sender = Xmpp.connect(SENDER);
        AbstractXMPPConnection receiver = Xmpp.connect(RECEIVER);
        try (TimedMessages out = TimedMessages.on(sender); TimedMessages in = TimedMessages.on(receiver)) {
            TimedMessagesTest.available(sender);
            TimedMessagesTest.available(receiver);
            for (int burst = 0; burst < bursts; burst++) {
                Thread.sleep(BETWEEN_BURSTS);
                for (int i = 0; i < BURST; i++) {
                    out.send(Xmpp.jid(RECEIVER));
                }
            }
            awaitReceived(in, (long) bursts * BURST);
            return Figures.of(NodeMetrics.current().wholeRun(MessageAccount.TIME));
        } finally {
            Xmpp.disconnect(sender);
            Xmpp.disconnect(receiver);
        }
    }

    private static void awaitReceived(TimedMessages in, long count) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (in.received() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(in.received() + " of " + count + " messages arrived within " + PATIENCE);
            }
            Thread.sleep(POLL_MS);
        }
    }

    /**
     * {@code BurstDelivery LABEL PORT BURSTS RUNS}: against the server on 127.0.0.1:PORT, a warm-up of
     * {@value #WARM_UP_BURSTS} bursts (not printed: the JVM compiles the paths on it), then RUNS measurements of BURSTS
     * bursts, one line of figures each after LABEL.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: BurstDelivery LABEL PORT BURSTS RUNS");
            System.exit(2);
        }
        int port = Integer.parseInt(args[1]);
        measure(port, WARM_UP_BURSTS);
        for (int run = 1; run <= Integer.parseInt(args[3]); run++) {
            Figures figures = measure(port, Integer.parseInt(args[2]));
            System.out.printf(Locale.ROOT, "%-22s %s%n", args[0] + " #" + run, figures);
        }
    }
}
