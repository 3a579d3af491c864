package io.amoc.shell.render;

import io.amoc.command.ClusterMetrics;
import io.amoc.command.RunSummary;
import io.amoc.metrics.MetricsSnapshot;
import io.amoc.report.Figures;
import io.amoc.report.NodeRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.amoc.shell.render.Snapshots.T0;
import static io.amoc.shell.render.Snapshots.range;
import static io.amoc.shell.render.Snapshots.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsViewTest {

    private static final MetricsSnapshot NODE = snapshot("local", T0, 120,
            Map.of("messages_sent", 12_345L, "user_failures", 0L),
            Map.of("message_ttd", range(1, 10_000), "connection", range(1, 0)),
            Map.of("messages_sent", 600L, "user_failures", 0L));

    @Test
    void metricsShowsCountersWithRatesAndTimesWithPercentilesAndUnits() {
        assertEquals("""
                local: users 120
                counter         count  last 60 s  rate/s
                messages_sent  12,345        600    10.0
                user_failures       0          0     0.0
                time (whole run)   count     p50     p95     p99     max
                connection             0       -       -       -       -
                message_ttd       10,000  5.00ms  9.50ms  9.90ms  10.0ms""", MetricsView.render(metrics(NODE)));
    }

    @Test
    void theRateOfARunYoungerThanAMinuteIsOverTheTimeItHasLasted() {
        String text = MetricsView.render(metrics(NODE).ranFor(Duration.ofSeconds(4)));
        assertTrue(text.contains("\nmessages_sent  12,345        600   150.0\n"), text);
    }

    @Test
    void aClusterViewSaysHowManyNodesWereMergedAndWhichDidNotAnswer() {
        String text = MetricsView.renderCluster(new ClusterMetrics(NODE, 2, Map.of("slave3", "down")));
        assertTrue(text.endsWith("\n2 nodes merged; no answer from slave3 (down)"), text);
    }

    @Test
    void countersWithoutLastMinuteShowADash() {
        MetricsSnapshot old = snapshot("cluster", T0, 1, Map.of("x", 5L), Map.of(), Map.of());
        String text = MetricsView.render(metrics(old));
        assertTrue(text.contains("\nx            5          -       -"), text);
    }

    @Test
    void longNamesAreCutSoEveryLineFitsEightyColumns() {
        String name = "a_very_long_counter_name_that_a_scenario_author_thought_was_descriptive_enough";
        MetricsSnapshot wide = snapshot("local", T0, 1, Map.of(name, 1_000_000_000L),
                Map.of(name, range(1_000_000, 1_001_000)), Map.of(name, 1_000_000_000L));
        String text = MetricsView.render(metrics(wide));
        text.lines().forEach(line -> assertTrue(line.length() <= MetricsView.WIDTH, line.length() + ": " + line));
        assertTrue(text.contains("…"), text);
        String summary = RunSummaryView.render(wide, Duration.ofSeconds(10));
        summary.lines().forEach(line -> assertTrue(line.length() <= MetricsView.WIDTH, line));
    }

    @Test
    void theRunSummaryShowsTheRunsLengthUsersCountersAndPercentiles() {
        assertEquals("""
                run summary (local, 2 min 5 s): users at the stop 120
                counter         count  rate/s
                messages_sent  12,345    98.8
                user_failures       0     0.0
                time (the run)   count     p50     p95     p99     max
                connection           0       -       -       -       -
                message_ttd     10,000  5.00ms  9.50ms  9.90ms  10.0ms""",
                RunSummaryView.render(NODE, Duration.ofSeconds(125)));
    }

    @Test
    void aRunShorterThanAMinuteShowsItsLengthWithoutRoundingItDownToWholeSeconds() {
        assertTrue(RunSummaryView.render(NODE, Duration.ofMillis(1_993)).startsWith("run summary (local, 2.0 s): "));
        assertTrue(RunSummaryView.render(NODE, Duration.ofMillis(450)).startsWith("run summary (local, 450 ms): "));
        assertTrue(RunSummaryView.render(NODE, Duration.ofSeconds(3)).startsWith("run summary (local, 3 s): "));
    }

    @Test
    void theRunSummaryCountsTheUsersASlaveStoppedOnItsOwnAndSaysWhy() {
        long at = java.time.LocalDate.now().atTime(12, 3, 4).atZone(java.time.ZoneId.systemDefault()).toInstant()
                .toEpochMilli();
        String summary = RunSummaryView.render(new io.amoc.command.RunSummary(NODE, Duration.ofSeconds(125),
                List.of(), Map.of("b:1099", new io.amoc.engine.UsersDropped(at, 500, "Chat", "no heartbeat for 30 s"))));

        assertEquals(List.of("run summary (local, 2 min 5 s): users at the stop 120; stopped before, by their node: 500",
                "b:1099: stopped its 500 users of Chat at 12:03:04: no heartbeat for 30 s"),
                summary.lines().limit(2).toList());
    }

    @Test
    void theRunSummaryNamesTheNodesThatLeftDuringTheRun() {
        Figures none = Figures.of(NODE, 1_000);
        RunSummary summary = new RunSummary(NODE, Duration.ofSeconds(30), List.of(
                new NodeRecord("a:1099", T0, T0 + 30_000, false, null, none),
                new NodeRecord("b:1099", T0, T0 + 12_000, true, "b:1099 is down (last seen 3 s ago)", none)));

        String text = RunSummaryView.render(summary);

        assertTrue(text.endsWith("\n1 of 2 nodes left during the run (their figures count up to their last answer): "
                + "b:1099 last answered at " + java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                .withZone(java.time.ZoneId.systemDefault()).format(java.time.Instant.ofEpochMilli(T0 + 12_000))
                + " (b:1099 is down (last seen 3 s ago))"), text);
        assertEquals(RunSummaryView.render(NODE, Duration.ofSeconds(30)),
                RunSummaryView.render(new RunSummary(NODE, Duration.ofSeconds(30), List.of())));
    }

    private static ClusterMetrics metrics(MetricsSnapshot snapshot) {
        return new ClusterMetrics(snapshot, 1, Map.of());
    }
}
