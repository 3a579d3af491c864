package io.amoc.shell.cli;

import io.amoc.shell.Fixtures;
import io.amoc.shell.ShellRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/amoc run} on this machine, in this JVM: a run to its end, its summary, thresholds, report and exit status.
 * The generator's limits are raised out of reach (this machine is shared with other builds); OverloadedGeneratorTest
 * is about them.
 */
class RunCommandTest {

    @TempDir
    Path home;
    private Path scenarios;

    @BeforeEach
    void configure() throws Exception {
        scenarios = Fixtures.scenarios(home.resolve("scenarios-under-test"), "GreetsBriefly", "FailsAtOnce",
                "SleepsForAMinute", "DoesNotCompile");
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/amoc.properties"), RunFixtures.UNREACHABLE_LIMITS + """
                interarrival = 0
                repeat_num = 5
                repeat_interval = 10
                report_interval = 0.2
                """);
        RunFixtures.awaitHealthyGenerator(home.resolve("conf/amoc.properties"));
    }

    private ShellRun run(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "run";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--scenarios";
        all[args.length + 2] = scenarios.toString();
        return ShellRun.of(home, "", all);
    }

    @Test
    void aRunWhoseThresholdsHoldExitsZeroAndItsSummaryJsonHoldsTheFiguresItPrinted() throws Exception {
        Path report = home.resolve("report");
        ShellRun run = run("GreetsBriefly", "--users", "10", "--rate", "100/s", "--threshold", "p99(greeting) < 5s",
                "--threshold", "count(greetings) == 50", "--report", report.toString());

        assertEquals(ExitCode.OK.status(), run.exitStatus(), run.out() + run.err());
        assertTrue(run.out().startsWith("run: 10 users of GreetsBriefly on local, one every 10 ms on each node (100.0/s"
                + " in all), until every user has finished\nlocal: started GreetsBriefly@"), run.out());
        assertTrue(run.out().contains("\nevery user has finished after "), run.out());
        assertTrue(run.out().contains("\n  count(greetings) == 50: 50 == 50 (held)\n"), run.out());
        assertTrue(run.out().endsWith("verdict: passed: all 2 thresholds held\n"), run.out());
        assertTrue(run.out().contains("\nreport: " + report.resolve("index.html") + " (and "), run.out());
        RunFixtures.assertSummaryJsonMatchesThePrintedSummary(run.out(), report.resolve("summary.json"));
    }

    @Test
    void aRunWhoseThresholdFailsExitsOne() {
        ShellRun run = run("GreetsBriefly", "--users", "3", "--threshold", "max(greeting) < 1us");

        assertEquals(ExitCode.THRESHOLD_FAILED.status(), run.exitStatus(), run.out() + run.err());
        assertTrue(run.out().endsWith("verdict: failed: 1 of 1 threshold failed\n"), run.out());
    }

    @Test
    void aRunInWhichEveryUserFailsExitsOneOnTheDefaultThreshold() {
        ShellRun run = run("FailsAtOnce", "--users", "4");

        assertEquals(ExitCode.THRESHOLD_FAILED.status(), run.exitStatus(), run.out() + run.err());
        assertTrue(run.out().contains("\n  count(user_failures) == 0: 4 == 0 (failed) (the default threshold: give your"
                + " own to judge more)\n"), run.out());
    }

    @Test
    void aRunThatCannotBeCarriedOutIsAnErrorInOneLineBeforeAnythingRuns() {
        ShellRun badThreshold = run("GreetsBriefly", "--users", "3", "--threshold", "p99(greeting) < 500");
        assertEquals(ExitCode.RUN_ERROR.status(), badThreshold.exitStatus());
        assertTrue(badThreshold.err().startsWith("amoc: run: threshold 'p99(greeting) < 500': compares a time with"
                + " a number (give the time a unit: ms, s...)"), badThreshold.err());
        assertEquals(1, badThreshold.err().lines().count(), badThreshold.err());

        String forever = RunFixtures.file(home, "forever.properties", "repeat_num = infinity\n");
        ShellRun neverFinish = ShellRun.of(home, "", "run", "SleepsForAMinute", "--users", "1", "--scenarios",
                scenarios.toString(), "--config", forever);
        assertEquals(ExitCode.RUN_ERROR.status(), neverFinish.exitStatus(), neverFinish.out());
        assertTrue(neverFinish.err().contains("repeat_num is infinity, so none ever does: give a duration"),
                neverFinish.err());

        String file = RunFixtures.file(home, "a-file", "");
        ShellRun reportOnAFile = run("GreetsBriefly", "--users", "3", "--report", file);
        assertEquals(ExitCode.RUN_ERROR.status(), reportOnAFile.exitStatus(), reportOnAFile.out());
        assertEquals("amoc: cannot write the report to " + file + ": it is a file, not a directory (choose a directory"
                + " you may write to)\n", reportOnAFile.err());
        assertFalse(reportOnAFile.out().contains("started"), reportOnAFile.out());

        ShellRun badDuration = run("GreetsBriefly", "--users", "3", "--duration", "soon");
        assertEquals(ExitCode.USAGE.status(), badDuration.exitStatus());
        assertTrue(badDuration.err().contains("'soon' is not a length of time above 0: write e.g. 90s, 5m or 1h"),
                badDuration.err());
    }

    @Test
    void aRunOfAScenarioThatDoesNotCompileStillWritesItsReportWithTheErrorAndExitsTwo() throws Exception {
        Path report = home.resolve("report");
        ShellRun run = run("DoesNotCompile", "--users", "3", "--report", report.toString());

        assertEquals(ExitCode.RUN_ERROR.status(), run.exitStatus(), run.out() + run.err());
        String firstError = run.err().lines().findFirst().orElseThrow().substring("amoc: ".length());
        assertTrue(run.out().endsWith("verdict: error: " + firstError + "\n"), run.out());
        String junit = Files.readString(report.resolve("junit.xml"));
        assertTrue(junit.contains("<error message=\"error: DoesNotCompile does not compile: " + firstError), junit);
    }
}
