package io.amoc.shell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amoc.shell.ChildJvm;
import io.amoc.shell.Fixtures;
import io.amoc.shell.ShellRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bin/amoc run --dist} over two real slave JVMs (the slave subcommand, mutual TLS, real RMI). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistRunCommandTest {

    private static final Pattern READY = Pattern.compile("amoc slave (127\\.0\\.0\\.1:\\d+) ");
    private static final Duration SLAVE_PATIENCE = Duration.ofSeconds(90);

    @TempDir
    static Path home;
    private final List<Process> slaves = new ArrayList<>();
    private final List<String> addresses = new ArrayList<>();
    private Path scenarios;

    @BeforeAll
    void startTwoSlaves() throws Exception {
        String tls = "tls_dir = \"" + Fixtures.tlsDir() + "\"\n";
        for (int i = 1; i <= 2; i++) {
            Path dir = home.resolve("slave-" + i);
            Files.createDirectories(dir);
            String config = RunFixtures.file(dir, "slave.properties", tls + "master_silence_timeout = 30\n"
                    + RunFixtures.UNREACHABLE_LIMITS);
            Path out = dir.resolve("slave.out");
            slaves.add(ChildJvm.start(home, dir, out, SlaveCommandMain.class, "--bind", "127.0.0.1", "--allow-loopback",
                    "--port", "0", "--object-port", "0", "--config", config));
            addresses.add(address(out));
        }
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/amoc.properties"), tls + RunFixtures.UNREACHABLE_LIMITS + """
                hosts = ["%s", "%s"]
                rmi_read_timeout = 20
                repeat_num = 3
                repeat_interval = 10
                report_interval = 0.2
                """.formatted(addresses.get(0), addresses.get(1)));
        scenarios = Fixtures.scenarios(home.resolve("scenarios-under-test"), "GreetsBriefly");
    }

    private static String address(Path out) throws InterruptedException {
        long deadline = System.nanoTime() + SLAVE_PATIENCE.toNanos();
        Matcher ready = READY.matcher(ChildJvm.output(out));
        while (!ready.find()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("a slave did not listen within " + SLAVE_PATIENCE + ":\n"
                        + ChildJvm.output(out));
            }
            Thread.sleep(50);
            ready = READY.matcher(ChildJvm.output(out));
        }
        return ready.group(1);
    }

    @AfterAll
    void stopSlaves() throws InterruptedException {
        for (Process slave : slaves) {
            slave.destroyForcibly().waitFor();
        }
    }

    private ShellRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("run", "GreetsBriefly", "--dist", "--scenarios",
                scenarios.toString()));
        all.addAll(List.of(args));
        return ShellRun.of(home, "", all.toArray(String[]::new));
    }

    @Test
    void aDistributedRunWhoseThresholdsHoldExitsZeroWithEverySlaveInItsReport() throws Exception {
        Path report = home.resolve("report");
        ShellRun run = run("--users", "6", "--rate", "60/s", "--threshold", "count(greetings) == 18",
                "--threshold", "p99(greeting) < 5s", "--report", report.toString());

        assertEquals(ExitCode.OK.status(), run.exitStatus(), run.out() + run.err());
        assertTrue(run.out().startsWith("run: 6 users of GreetsBriefly on dist, one every 33 ms on each node (60.6/s in"
                + " all), until every user has finished\n"), run.out());
        assertTrue(run.out().contains("\n  count(greetings) == 18: 18 == 18 (held)\n"), run.out());
        assertTrue(run.out().endsWith("verdict: passed: all 2 thresholds held\n"), run.out());
        JsonNode summary = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
        assertEquals(addresses, List.of(summary.at("/nodes/0/node").asText(), summary.at("/nodes/1/node").asText()));
        assertEquals(3L, summary.at("/nodes/1/counters/greetings/count").asLong() / 3, "3 users of 3 greetings each");
        assertTrue(summary.at("/manifest/nodes/1/jdk").asText().startsWith(Runtime.version().feature() + ""),
                summary.at("/manifest/nodes").toString());
        RunFixtures.assertSummaryJsonMatchesThePrintedSummary(run.out(), report.resolve("summary.json"));
    }

    @Test
    void aDistributedRunWhoseThresholdFailsExitsOne() {
        ShellRun run = run("--users", "4", "--threshold", "max(greeting) < 1us");

        assertEquals(ExitCode.THRESHOLD_FAILED.status(), run.exitStatus(), run.out() + run.err());
        assertTrue(run.out().endsWith("verdict: failed: 1 of 1 threshold failed\n"), run.out());
    }
}
