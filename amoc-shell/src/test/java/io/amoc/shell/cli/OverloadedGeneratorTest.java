package io.amoc.shell.cli;

import io.amoc.shell.ChildJvm;
import io.amoc.shell.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scenario whose users spin on the CPU, with the generator's default limits, each in a bin/amoc process of its own
 * (so that the burn stays out of the test JVM): the console's status says the node is overloaded, and bin/amoc run's
 * verdict is inconclusive.
 */
class OverloadedGeneratorTest {

    private static final Duration OVERLOADED_WITHIN = Duration.ofSeconds(20);
    /** Starting a JVM and compiling a scenario on a busy machine takes a while; overloads are timed from the start. */
    private static final Duration PROCESS_PATIENCE = Duration.ofSeconds(120);
    private static final long STATUS_EVERY_MILLIS = 500;
    private static final String BURNERS = "8";

    @TempDir
    Path home;

    @Test
    void aCpuBurningScenarioMakesTheNodeOverloadedWithinTwentySecondsAndStatusShowsIt() throws Exception {
        Path scenarios = Fixtures.scenarios(home.resolve("scenarios"), "BurnsCpu");
        Path out = home.resolve("console.out");
        Process console = ChildJvm.start(home, home, out, Main.class, "console", "--scenarios", scenarios.toString());
        try (Writer in = new OutputStreamWriter(console.getOutputStream(), StandardCharsets.UTF_8)) {
            send(in, "config.set(interarrival, 0)");
            send(in, "local.do(BurnsCpu, 1, " + BURNERS + ")");
            awaitOutput(out, "local: started BurnsCpu@", PROCESS_PATIENCE);
            long started = System.nanoTime();
            while (!ChildJvm.output(out).contains("\nlocal: generator overloaded: ")
                    && System.nanoTime() - started < OVERLOADED_WITHIN.toNanos()) {
                send(in, "status");
                Thread.sleep(STATUS_EVERY_MILLIS);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            String output = ChildJvm.output(out);
            assertTrue(output.contains("\nlocal: generator overloaded: "),
                    "not overloaded within " + took + ":\n" + output);
            assertTrue(Pattern.compile("\nlocal +running +BurnsCpu@[0-9a-f]{8} .* overloaded\n").matcher(output).find(),
                    output);
            send(in, "local.stop()");
            send(in, "exit");
        }
        assertTrue(console.waitFor(PROCESS_PATIENCE.toSeconds(), TimeUnit.SECONDS), ChildJvm.output(out));
        assertEquals(ExitCode.OK.status(), console.exitValue(), ChildJvm.output(out));
    }

    @Test
    void binAmocRunOfItExitsThreeWithAnInconclusiveVerdict() throws Exception {
        Path scenarios = Fixtures.scenarios(home.resolve("scenarios"), "BurnsCpu");
        Path out = home.resolve("run.out");
        Process run = ChildJvm.start(home, home, out, Main.class, "run", "BurnsCpu", "--users", BURNERS, "--duration",
                "6s", "--scenarios", scenarios.toString());

        assertTrue(run.waitFor(PROCESS_PATIENCE.toSeconds(), TimeUnit.SECONDS), ChildJvm.output(out));
        String output = ChildJvm.output(out);
        assertEquals(ExitCode.INCONCLUSIVE.status(), run.exitValue(), output);
        assertTrue(output.contains("\nverdict: inconclusive: generator overloaded on 1 node (local)"), output);
        assertTrue(output.contains("\ngenerator overloaded on local: "), output);
    }

    private static void send(Writer in, String command) throws IOException {
        in.write(command + "\n");
        in.flush();
    }

    private static void awaitOutput(Path out, String text, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!ChildJvm.output(out).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' within " + patience + ":\n" + ChildJvm.output(out));
            }
            Thread.sleep(50);
        }
    }
}
