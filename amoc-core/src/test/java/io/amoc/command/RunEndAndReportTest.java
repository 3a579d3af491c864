package io.amoc.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amoc.cluster.InMemoryNode;
import io.amoc.health.OverloadSpell;
import io.amoc.report.NodeRecord;
import io.amoc.verdict.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The end of a run over in-memory nodes: waiting for it, its summary, its verdict and report, a whole load test. */
class RunEndAndReportTest {

    @TempDir
    Path dir;

    private final InMemoryNode a = InMemoryNode.up("a:1");
    private final InMemoryNode b = InMemoryNode.up("b:1");
    private MasterFixture fixture;
    private Master master;

    @BeforeEach
    void startMaster() {
        fixture = new MasterFixture(dir, new InMemorySlaves(a, b));
        fixture.config.set("report_interval", 0.05);
        master = fixture.master;
    }

    @AfterEach
    void closeMaster() throws InterruptedException {
        fixture.close();
    }

    @Test
    void aSlaveThatLeavesDuringTheRunStaysInItsSummaryMarkedAsLeft() throws Exception {
        master.dist().start(StartRequest.of("SleepsForever", 1, 4));
        b.goDown();

        RunSummary summary = master.dist().stop().summary().orElseThrow();

        assertEquals(List.of("a:1", "b:1"), summary.nodes().stream().map(NodeRecord::node).toList());
        assertEquals(List.of("b:1"), summary.left().stream().map(NodeRecord::node).toList());
        assertTrue(summary.left().get(0).leftReason().contains("b:1"), summary.left().get(0).leftReason());
    }

    @Test
    void waitingEndsWhenNoUserRunsAndNoneWaitsToStart() throws Exception {
        master.local().start(StartRequest.of("SleepsForever", 1, 3));

        RunWait running = master.local().awaitEnd(Duration.ofMillis(50));
        assertFalse(running.ended());
        assertEquals(3, running.usersAlive());

        master.local().remove(RemoveRequest.of(3, false));
        RunWait ended = master.local().awaitEnd(Duration.ofSeconds(10));
        assertTrue(ended.ended(), "a run whose users all ended has ended, though it is still running");
        assertTrue(ended.waited().compareTo(Duration.ofSeconds(10)) < 0);
    }

    @Test
    void aReportBeforeAnyRunIsRefusedAndABadThresholdBeforeAnythingIsWritten() throws Exception {
        CommandException none = assertThrows(NothingToReportException.class,
                () -> master.local().report(ReportRequest.of(dir.resolve("r"))));
        assertEquals("local.report: no run to report on yet: start one with local.do(Scenario, From, To)",
                none.getMessage());

        master.local().start(StartRequest.of("SleepsForever", 1, 1));
        BadRequestException bad = assertThrows(BadRequestException.class, () -> master.local().report(
                new ReportRequest(dir.resolve("r"), List.of("p99(message_ttd) < 500"))));
        assertTrue(bad.getMessage().startsWith("local.report: threshold 'p99(message_ttd) < 500': compares a time"),
                bad.getMessage());
        assertFalse(Files.exists(dir.resolve("r")));
    }

    @Test
    void aReportWithoutADirectoryIsRefusedInsteadOfScatteredOverTheWorkingDirectory() throws Exception {
        master.local().start(StartRequest.of("SleepsForever", 1, 1));

        BadRequestException blank = assertThrows(BadRequestException.class,
                () -> master.local().report(ReportRequest.of(Path.of(""))));

        assertEquals("local.report: the report's directory is empty: name one, e.g. \"reports/baseline\"",
                blank.getMessage());
        assertEquals("dir", blank.field().orElseThrow());
    }

    @Test
    void aReportNamesItsFilesByTheirFullPathsWhereverTheDirectoryWasGivenFrom() throws Exception {
        master.local().start(StartRequest.of("SleepsForever", 1, 1));

        WrittenReport written = master.local().report(ReportRequest.of(dir.resolve("a/../full")));

        assertTrue(written.files().stream().allMatch(f -> f.isAbsolute() && f.startsWith(dir.resolve("full"))),
                written.files().toString());
    }

    @Test
    void theReportOfTheRunningRunAndOfTheLastRunHoldTheirVerdict() throws Exception {
        master.local().start(StartRequest.of("SleepsForever", 1, 2));

        WrittenReport soFar = master.local().report(ReportRequest.of(dir.resolve("so-far")));
        assertFalse(soFar.ended());
        assertEquals(Verdict.Outcome.PASSED, soFar.verdict().outcome());

        master.local().stop();
        WrittenReport last = master.local().report(new ReportRequest(dir.resolve("last"),
                List.of("count(user_failures) == 0", "count(connections) > 0")));
        assertTrue(last.ended());
        assertEquals(Verdict.Outcome.FAILED, last.verdict().outcome());
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("last/summary.json").toFile());
        assertEquals("SleepsForever", summary.at("/scenario/name").asText());
        assertEquals("local", summary.at("/nodes/0/node").asText());
        assertEquals("21 (in memory)", summary.at("/manifest/nodes/0/jdk").asText());
        assertEquals("runtime", summary.at("/manifest/config/report_interval/source").asText());
    }

    @Test
    void aLoadTestOnAnOverloadedSlaveIsInconclusiveAndItsRateSetsTheInterarrivalOfEachSlave() throws Exception {
        OverloadSpell spell = new OverloadSpell(System.currentTimeMillis(), -1, "CPU 97% for 10 s (limit 90%)");
        b.overloaded.add(spell);

        LoadTestResult result = master.runLoadTest(new LoadTestRequest(Target.DIST, "SleepsForever", 4,
                OptionalDouble.of(4), Optional.of(Duration.ofMillis(300)), List.of(), Optional.of(dir.resolve("r"))),
                LoadTestListener.NONE);

        assertEquals(500, result.interarrival(), "2 slaves, 4 users/s in all: one every 500 ms on each");
        assertTrue(a.configured.contains("interarrival=500"), a.configured.toString());
        assertFalse(result.end().orElseThrow().ended(), "the users sleep forever: the duration ends the run");
        assertEquals(Verdict.Outcome.INCONCLUSIVE, result.verdict().outcome());
        assertEquals(List.of("b:1"), result.verdict().overloaded());
        assertEquals(List.of(spell), result.overloaded().get("b:1"));
        assertEquals(LoadTestRequest.DEFAULT_THRESHOLDS,
                result.verdict().thresholds().stream().map(io.amoc.verdict.ThresholdResult::threshold).toList());
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("r/summary.json").toFile());
        assertEquals("inconclusive", summary.at("/verdict/outcome").asText());
        assertEquals("CPU 97% for 10 s (limit 90%)", summary.at("/generator_overloaded/b:1/0/reason").asText());
    }

    @Test
    void aLoadTestWhoseUsersNeverFinishNeedsADuration() {
        BadRequestException refused = assertThrows(BadRequestException.class, () -> master.runLoadTest(
                new LoadTestRequest(Target.LOCAL, "SleepsForever", 1, OptionalDouble.empty(), Optional.empty(),
                        List.of(), Optional.empty()), LoadTestListener.NONE));
        assertTrue(refused.getMessage().contains("repeat_num is infinity"), refused.getMessage());
        assertTrue(master.local().running().isEmpty(), "nothing started");
    }

    @Test
    void aLoadTestLongerThanAYearIsRefusedAsATypoBeforeItStarts() {
        BadRequestException refused = assertThrows(BadRequestException.class, () -> master.runLoadTest(
                new LoadTestRequest(Target.LOCAL, "SleepsForever", 1, OptionalDouble.empty(),
                        Optional.of(java.time.Duration.ofHours(9_999_999_999L)), List.of(), Optional.empty()),
                LoadTestListener.NONE));

        assertEquals("run: the duration must be at most 365 days, got 416666666 days", refused.getMessage());
        assertTrue(master.local().running().isEmpty(), "nothing started");
    }

    @Test
    void aLoadTestWithAnEmptyReportDirectoryIsRefusedBeforeItStarts() {
        BadRequestException refused = assertThrows(BadRequestException.class, () -> master.runLoadTest(
                new LoadTestRequest(Target.LOCAL, "SleepsForever", 1, OptionalDouble.empty(),
                        Optional.of(java.time.Duration.ofSeconds(1)), List.of(), Optional.of(Path.of(""))),
                LoadTestListener.NONE));

        assertEquals("run: the report's directory is empty: name one, e.g. \"reports/baseline\"", refused.getMessage());
        assertTrue(master.local().running().isEmpty(), "nothing started");
    }

    @Test
    void aLoadTestOnASlaveThatLeavesIsAnError() throws Exception {
        LoadTestListener killsB = new LoadTestListener() {
            @Override
            public void started(RunStarted started, long interarrival) {
                b.goDown();
            }
        };
        LoadTestResult result = master.runLoadTest(new LoadTestRequest(Target.DIST, "SleepsForever", 2,
                OptionalDouble.empty(), Optional.of(Duration.ofMillis(100)), List.of(), Optional.empty()), killsB);

        assertEquals(Verdict.Outcome.ERROR, result.verdict().outcome());
        assertTrue(result.verdict().reason().contains("b:1"), result.verdict().reason());
    }

    @Test
    void aLoadTestInterruptedWhileItWaitsStopsAtOnceIsAnErrorAndStillWritesItsReport() throws Exception {
        LoadTestInterruption interruption = new LoadTestInterruption();
        LoadTestListener interruptsOnceStarted = new LoadTestListener() {
            @Override
            public void started(RunStarted started, long interarrival) {
                Thread.ofVirtual().start(interruption::request);
            }
        };
        LoadTestResult result = master.runLoadTest(new LoadTestRequest(Target.LOCAL, "SleepsForever", 3,
                OptionalDouble.empty(), Optional.of(Duration.ofHours(1)), List.of("count(user_failures) == 0"),
                Optional.of(dir.resolve("r"))), interruptsOnceStarted, interruption);

        assertTrue(result.interrupted());
        assertFalse(result.end().orElseThrow().ended());
        assertTrue(result.lasted().orElseThrow().compareTo(Duration.ofMinutes(1)) < 0, "it did not wait an hour");
        assertEquals(Verdict.Outcome.ERROR, result.verdict().outcome());
        assertTrue(result.verdict().reason().startsWith("error: the run was interrupted after "),
                result.verdict().reason());
        assertTrue(master.local().running().isEmpty(), "the users were stopped");
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("r/summary.json").toFile());
        assertEquals("error", summary.at("/verdict/outcome").asText());
        assertEquals(result.verdict().reason(), summary.at("/verdict/reason").asText());
        assertFalse(Thread.currentThread().isInterrupted(), "the interruption ends the wait, not the caller");
        assertFalse(interruption.request(), "a second request changes nothing");
    }

    @Test
    void aLoadTestInterruptedBeforeItStartsStopsAsSoonAsItHasStarted() throws Exception {
        LoadTestInterruption interruption = new LoadTestInterruption();
        assertTrue(interruption.request());

        LoadTestResult result = master.runLoadTest(new LoadTestRequest(Target.LOCAL, "SleepsForever", 2,
                OptionalDouble.empty(), Optional.of(Duration.ofHours(1)), List.of(), Optional.empty()),
                LoadTestListener.NONE, interruption);

        assertTrue(result.interrupted());
        assertEquals(Verdict.Outcome.ERROR, result.verdict().outcome());
        assertTrue(master.local().running().isEmpty(), "the users were stopped");
    }

    @Test
    void withoutThresholdsARunThatLostMessagesFailsAsOneWithFailedUsersDoes() throws Exception {
        List<io.amoc.verdict.Threshold> defaults = RunReports.thresholds("run", List.of());
        io.amoc.verdict.RunFigures lostThree = new io.amoc.verdict.RunFigures(new io.amoc.metrics.MetricsSnapshot(
                "cluster", 0, 0, java.util.Map.of("user_failures", 0L, "messages_sent", 10L, "messages_received", 7L,
                "messages_missing", 3L), java.util.Map.of(), java.util.Map.of()), Duration.ofSeconds(1));
        io.amoc.verdict.RunFigures noMessages = new io.amoc.verdict.RunFigures(new io.amoc.metrics.MetricsSnapshot(
                "cluster", 0, 0, java.util.Map.of("user_failures", 0L), java.util.Map.of(), java.util.Map.of()),
                Duration.ofSeconds(1));

        assertEquals(LoadTestRequest.DEFAULT_THRESHOLDS, defaults.stream().map(io.amoc.verdict.Threshold::text).toList());
        assertEquals(Verdict.Outcome.FAILED, Verdict.of(defaults.stream().map(t -> t.evaluate(lostThree)).toList(),
                List.of()).outcome());
        assertEquals(Verdict.Outcome.PASSED, Verdict.of(defaults.stream().map(t -> t.evaluate(noMessages)).toList(),
                List.of()).outcome());
    }

    @Test
    void theRatesOfMetricsCoverOnlyTheTimeTheRunHasLasted() throws Exception {
        assertEquals(Duration.ofMinutes(1), master.local().metrics().lastMinuteRan(), "no run yet");
        master.local().start(StartRequest.of("SleepsForever", 1, 1));

        assertTrue(master.local().metrics().lastMinuteRan().compareTo(Duration.ofSeconds(30)) < 0);
    }
}
