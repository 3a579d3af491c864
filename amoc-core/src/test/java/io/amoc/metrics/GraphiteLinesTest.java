package io.amoc.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphiteLinesTest {

    private static final long NOW = 1_700_000_000L;

    @Test
    void aReportNamesUsersCountersTimesGaugesAndTheJvmUnderThePrefix() {
        NodeMetrics metrics = new NodeMetrics();
        metrics.users(12);
        metrics.count("messages_sent", 40);
        metrics.count("messages_sent", 2);
        for (int micros = 1; micros <= 100; micros++) {
            metrics.time("message_ttd", micros);
        }
        metrics.gauge("rooms", 3);

        List<String> lines = GraphiteLines.report(metrics, "host1", NOW);

        assertTrue(lines.contains("host1.amoc.users.size 12 " + NOW), lines.toString());
        assertTrue(lines.contains("host1.amoc.counters.messages_sent.count 42 " + NOW));
        assertTrue(lines.contains("host1.amoc.counters.messages_sent.one 42 " + NOW));
        assertTrue(lines.contains("host1.amoc.counters.user_failures.count 0 " + NOW));
        assertTrue(lines.contains("host1.amoc.times.message_ttd.mean 50.500 " + NOW));
        assertTrue(lines.contains("host1.amoc.times.message_ttd.min 1 " + NOW));
        assertTrue(lines.contains("host1.amoc.times.message_ttd.max 100 " + NOW));
        assertTrue(lines.contains("host1.amoc.times.message_ttd.median 50 " + NOW));
        assertTrue(lines.contains("host1.amoc.times.message_ttd.p95 95 " + NOW));
        assertTrue(lines.contains("host1.amoc.times.message_ttd.p99 99 " + NOW));
        assertTrue(lines.contains("host1.amoc.times.message_ttd.p999 100 " + NOW));
        assertTrue(lines.contains("host1.amoc.gauges.rooms 3 " + NOW));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("host1.jvm.memory.heap.used ")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("host1.jvm.threads.count ")));
    }

    @Test
    void aTimeWithoutValuesInTheIntervalSendsNothingInsteadOfZeros() {
        NodeMetrics metrics = new NodeMetrics();
        metrics.time("message_ttd", 5);
        GraphiteLines.report(metrics, "p", NOW);

        List<String> next = GraphiteLines.report(metrics, "p", NOW + 10);

        assertFalse(next.stream().anyMatch(l -> l.startsWith("p.amoc.times.message_ttd.")), next.toString());
        assertFalse(next.stream().anyMatch(l -> l.startsWith("p.amoc.times.connection.")));
    }

    @Test
    void spacesAndSlashesInAPrefixBecomeUnderscores() {
        List<String> lines = GraphiteLines.report(new NodeMetrics(), "load test/1", NOW);
        assertTrue(lines.contains("load_test_1.amoc.users.size 0 " + NOW), lines.get(0));
    }
}
