package io.amoc.verdict;

import io.amoc.metrics.Histograms;
import io.amoc.metrics.MetricsSnapshot;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThresholdTest {

    /** message_ttd: 1..1000 ms, one value each; connection: 2 ms and 3 s; 1000 sent, 999 received, 10 s long. */
    private static final RunFigures RUN = figures();

    @Test
    void aPercentileOfATimeIsComparedInTheUnitGiven() throws ThresholdSyntaxException {
        assertTrue(held("p99(message_ttd) < 1s"));
        assertTrue(held("p99(message_ttd) <= 991ms"));   // HdrHistogram: 3 significant digits
        assertFalse(held("p99(message_ttd) < 500ms"));
        assertTrue(held("p50(message_ttd) < 501000us"));
    }

    @Test
    void theFailedThresholdSaysBothValuesWithUnits() throws ThresholdSyntaxException {
        ThresholdResult result = Threshold.parse("max(connection) < 2s").evaluate(RUN);

        assertFalse(result.held());
        assertEquals("max(connection) < 2s: 3s < 2s (failed)", result.description());
        assertEquals(3_000_000, result.actual(), 3_000_000 * 0.001);
    }

    @Test
    void countsCompareWithArithmeticOverOtherCounts() throws ThresholdSyntaxException {
        assertTrue(held("count(messages_received) >= 0.999 * count(messages_sent)"));
        assertFalse(held("count(messages_received) >= count(messages_sent)"));
        assertTrue(held("count(messages_sent) - count(messages_received) <= 0.1%  * count(messages_sent)"));
        assertTrue(held("(count(messages_sent) + 1000) / 2 == 1000"));
    }

    @Test
    void aRateIsPerSecondOfTheRun() throws ThresholdSyntaxException {
        assertTrue(held("rate(messages_sent) == 100"));
        assertTrue(held("rate(user_failures) == 0"));
    }

    @Test
    void aCounterOfAmocsOwnNeverCountedIsZero() throws ThresholdSyntaxException {
        assertTrue(held("count(messages_stale) == 0"));
        assertTrue(held("rate(connection_lost) == 0"));
        assertTrue(held("count(messages_missing) == 0"));
    }

    @Test
    void aNameTheRunNeverCountedNorTimedFailsByNameSoThatATypoNeverHolds() throws ThresholdSyntaxException {
        ThresholdResult typo = Threshold.parse("count(user_failure) == 0").evaluate(RUN);

        assertFalse(typo.held());
        assertEquals("no counter or time 'user_failure' in this run (counters: messages_received, messages_sent,"
                + " user_failures; a counter of your own that may stay at 0: count it once with"
                + " AmocMetrics.count(\"user_failure\", 0) in init)", typo.problem());
        assertFalse(Threshold.parse("rate(never_counted) < 1").evaluate(RUN).held());
    }

    @Test
    void aTimeNeverRecordedFailsByName() throws ThresholdSyntaxException {
        ThresholdResult result = Threshold.parse("p99(mesage_ttd) < 1s").evaluate(RUN);

        assertFalse(result.held());
        assertTrue(result.problem().contains("'mesage_ttd'"), result.problem());
        assertTrue(result.problem().contains("message_ttd"), "lists the times there are: " + result.problem());
    }

    @Test
    void theCountOfATimeIsHowManyValuesItRecorded() throws ThresholdSyntaxException {
        assertTrue(held("count(message_ttd) == 1000"));
    }

    @Test
    void aTimeComparedWithABareNumberIsRefusedWithTheHintToGiveAUnit() {
        ThresholdSyntaxException e = assertThrows(ThresholdSyntaxException.class,
                () -> Threshold.parse("p99(message_ttd) < 500"));

        assertTrue(e.getMessage().contains("give the time a unit"), e.getMessage());
    }

    @Test
    void aBareZeroComparesWithATime() throws ThresholdSyntaxException {
        assertTrue(held("min(connection) > 0"));
    }

    @Test
    void mistakesAreOneLineNamingTheColumn() {
        assertEquals("threshold 'p99(message_ttd) < 500xs': unknown unit 'xs' (units: us, ms, s, min) at column 23",
                message("p99(message_ttd) < 500xs"));
        assertEquals("threshold 'p98(message_ttd) < 1s': unknown figure 'p98' (one of: p50, p75, p90, p95, p99,"
                + " p999, min, max, mean, count, rate) at column 1", message("p98(message_ttd) < 1s"));
        assertEquals("threshold 'p99(message_ttd)': the comparison is missing: e.g. p99(message_ttd) < 500ms"
                + " at column 17", message("p99(message_ttd)"));
        assertEquals("threshold 'count(a) + p99(b) > 1': cannot add a time to a number at column 12",
                message("count(a) + p99(b) > 1"));
        assertEquals("threshold 'p99() < 1s': expected the name of a time or counter, e.g. p99(message_ttd)"
                + " at column 5", message("p99() < 1s"));
        assertEquals("threshold 'p99(x) < 1s 2': unexpected '2' at column 13", message("p99(x) < 1s 2"));
    }

    @Test
    void aVerdictPassesFailsOrIsInconclusiveWhenAGeneratorWasOverloaded() throws ThresholdSyntaxException {
        ThresholdResult held = Threshold.parse("p99(message_ttd) < 1s").evaluate(RUN);
        ThresholdResult failed = Threshold.parse("p99(message_ttd) < 1ms").evaluate(RUN);

        assertEquals(Verdict.Outcome.PASSED, Verdict.of(java.util.List.of(held), java.util.List.of()).outcome());
        assertEquals(Verdict.Outcome.FAILED, Verdict.of(java.util.List.of(held, failed), java.util.List.of()).outcome());
        Verdict overloaded = Verdict.of(java.util.List.of(held), java.util.List.of("slave-2"));
        assertEquals(Verdict.Outcome.INCONCLUSIVE, overloaded.outcome());
        assertEquals("inconclusive: generator overloaded on 1 node (slave-2)", overloaded.reason());
    }

    private static boolean held(String threshold) throws ThresholdSyntaxException {
        ThresholdResult result = Threshold.parse(threshold).evaluate(RUN);
        return result.held();
    }

    private static String message(String threshold) {
        return assertThrows(ThresholdSyntaxException.class, () -> Threshold.parse(threshold)).getMessage();
    }

    private static RunFigures figures() {
        Histogram ttd = Histograms.empty();
        for (long ms = 1; ms <= 1000; ms++) {
            ttd.recordValue(ms * 1000);
        }
        Histogram connection = Histograms.empty();
        connection.recordValue(2_000);
        connection.recordValue(3_000_000);
        Map<String, byte[]> times = new TreeMap<>(Map.of("message_ttd", Histograms.encode(ttd),
                "connection", Histograms.encode(connection)));
        Map<String, Long> counters = new TreeMap<>(Map.of("messages_sent", 1000L, "messages_received", 999L,
                "user_failures", 0L));
        return new RunFigures(new MetricsSnapshot("cluster", 0, 0, counters, Map.of(), times), Duration.ofSeconds(10));
    }
}
