package io.amoc.shell.command;

import io.amoc.command.Master;
import io.amoc.command.MasterSetup;
import io.amoc.config.Config;
import io.amoc.rmi.Distribution;
import io.amoc.shell.Fixtures;
import io.amoc.shell.cli.ExitCode;
import io.amoc.shell.cli.Main;
import io.amoc.shell.cli.SlaveCommandMain;
import io.amoc.shell.language.Interpreter;
import io.amoc.shell.language.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scenario that allocates until OutOfMemoryError, in small-heap JVMs: a real slave ends (exit status 5) once its
 * master has read why, and the master shows it down with the reason; a console says what happened and goes on.
 */
class OutOfMemoryTest {

    private static final String HEAP = "-Xmx64m";
    private static final long EXIT_DEADLINE_SECONDS = 60;
    private static final Pattern READY = Pattern.compile("amoc slave (127\\.0\\.0\\.1:\\d+) ");

    @TempDir
    Path dir;

    @Test
    void aSlaveThatRunsOutOfMemoryEndsAndItsMasterShowsItDownWithTheReason() throws Exception {
        Path log = dir.resolve("slave.log");
        Path config = dir.resolve("slave.properties");
        Files.writeString(config, "tls_dir = \"" + Fixtures.tlsDir() + "\"\n");
        Process slave = java(SlaveCommandMain.class.getName(), "--bind", "127.0.0.1", "--allow-loopback",
                "--port", "0", "--object-port", "0", "--config", config.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Config masterConfig = new Config(Map.of(), Map.of("tls_dir", "\"" + Fixtures.tlsDir() + "\""));
        Config.install(masterConfig);
        Path scenarios = Fixtures.scenarios(dir.resolve("scenarios"), "AllocatesUntilOutOfMemory");
        Master master = Master.start(MasterSetup.of(dir, List.of(scenarios), dir.resolve("uploads"), masterConfig,
                Distribution::start));
        try {
            Fixtures.waitUntil("the slave to listen", () -> READY.matcher(read(log)).find());
            Matcher ready = READY.matcher(read(log));
            assertTrue(ready.find());
            String node = ready.group(1);
            Interpreter shell = Shell.of(master).newSession();
            ok(shell, "dist.connect(\"" + node + "\")");

            ok(shell, "dist.do(AllocatesUntilOutOfMemory, 1, 1)");

            assertTrue(slave.waitFor(EXIT_DEADLINE_SECONDS, TimeUnit.SECONDS), "the slave is still alive: " + read(log));
            assertEquals(ExitCode.NODE_FAILED.status(), slave.exitValue(), read(log));
            assertTrue(read(log).contains("OutOfMemoryError"), read(log));
            Fixtures.waitUntil("nodes to show the slave down with the reason", () -> {
                String nodes = ok(shell, "nodes");
                return nodes.lines().anyMatch(l -> l.startsWith(node) && l.contains("down"))
                        && nodes.contains("failed(OutOfMemoryError");
            });
        } finally {
            master.close(java.time.Duration.ofSeconds(5));
            slave.destroyForcibly().waitFor();
        }
    }

    @Test
    void aConsoleWhoseLocalNodeRunsOutOfMemorySaysSoOnStderrAndGoesOn() throws Exception {
        Path scenarios = Fixtures.scenarios(dir.resolve("scenarios"), "AllocatesUntilOutOfMemory");
        Path out = dir.resolve("console.out");
        Path err = dir.resolve("console.err");
        Process console = java(Main.class.getName(), "console", "--scenarios", scenarios.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        console.getOutputStream().write("""
                local.do(AllocatesUntilOutOfMemory, 1, 1)
                sleep(3000)
                status
                config.set(still_here, 1)
                """.getBytes(StandardCharsets.UTF_8));
        console.getOutputStream().close();

        assertTrue(console.waitFor(EXIT_DEADLINE_SECONDS, TimeUnit.SECONDS), "the console did not end: " + read(err));
        assertEquals(0, console.exitValue(), read(out) + read(err));
        assertTrue(read(err).contains("OutOfMemoryError") && read(err).contains("its users were stopped"), read(err));
        assertTrue(read(out).contains("OutOfMemoryError"), "status does not show the reason: " + read(out));
        assertTrue(read(out).contains("still_here = 1"), read(out));
    }

    private ProcessBuilder java(String main, String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), HEAP,
                "-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false);
        builder.environment().keySet().removeIf(k -> k.startsWith("AMOC_"));
        return builder;
    }

    private static String ok(Interpreter shell, String line) {
        Reply reply = shell.run(line);
        assertTrue(reply.ok(), () -> line + " failed: " + reply.text());
        return reply.text();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
