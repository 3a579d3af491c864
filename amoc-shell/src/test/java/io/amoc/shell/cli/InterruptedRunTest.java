package io.amoc.shell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amoc.shell.ChildJvm;
import io.amoc.shell.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@code bin/amoc run} in a process of its own, ended by a signal while its users run (Ctrl-C is SIGINT; a CI job
 * that times out sends SIGTERM): it stops the users, prints the summary and an error verdict, still writes the
 * report, and exits 2.
 */
class InterruptedRunTest {

    /** Starting a JVM and compiling a scenario on a busy machine takes a while. */
    private static final Duration PROCESS_PATIENCE = Duration.ofSeconds(120);
    private static final String IGNORED_SIGNALS = "SigIgn:";
    private static final int HEX = 16;
    /** Signal n is bit n - 1 of the masks in /proc/PID/status; SIGINT is 2. */
    private static final long SIGINT_BIT = 1L << 1;

    @TempDir
    Path home;

    @Test
    void aRunEndedWithCtrlCStopsItsUsersWritesItsReportAndExitsTwo() throws Exception {
        assumeFalse(sigintIgnoredHere(), "this test process ignores SIGINT (started in the background by a"
                + " non-interactive shell), and so would the run it starts, as any program would");
        assertEndedBySignal("INT");
    }

    @Test
    void aRunEndedWithSigtermStopsItsUsersWritesItsReportAndExitsTwo() throws Exception {
        assertEndedBySignal("TERM");
    }

    /** Whether SIGINT is ignored by this process (inherited, as a background job of a script has it). */
    private static boolean sigintIgnoredHere() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith(IGNORED_SIGNALS))
                .map(line -> Long.parseUnsignedLong(line.substring(IGNORED_SIGNALS.length()).strip(), HEX))
                .anyMatch(mask -> (mask & SIGINT_BIT) != 0);
    }

    private void assertEndedBySignal(String signal) throws Exception {
        Path scenarios = Fixtures.scenarios(home.resolve("scenarios"), "SleepsForAMinute");
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/amoc.properties"), RunFixtures.UNREACHABLE_LIMITS + """
                interarrival = 0
                api_port = 0
                """);
        Path out = home.resolve("run.out");
        Path report = home.resolve("report");
        Process run = ChildJvm.start(home, home, out, Main.class, "run", "SleepsForAMinute", "--users", "3",
                "--duration", "1h", "--report", report.toString(), "--scenarios", scenarios.toString());
        try {
            Fixtures.waitUntil("the run to start", PROCESS_PATIENCE, () -> ChildJvm.output(out).contains("local: started "));
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(run.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());

            assertTrue(run.waitFor(PROCESS_PATIENCE.toSeconds(), TimeUnit.SECONDS), ChildJvm.output(out));
            String output = ChildJvm.output(out);
            assertEquals(ExitCode.RUN_ERROR.status(), run.exitValue(), output);
            assertTrue(output.contains("\ninterrupted after "), output);
            assertTrue(output.contains("\nrun summary (local, "), output);
            assertTrue(output.contains("\nverdict: error: the run was interrupted after "), output);
            JsonNode summary = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
            assertEquals("error", summary.at("/verdict/outcome").asText());
            assertTrue(summary.at("/verdict/reason").asText().startsWith("error: the run was interrupted after "),
                    summary.toString());
        } finally {
            run.destroyForcibly();
        }
    }
}
