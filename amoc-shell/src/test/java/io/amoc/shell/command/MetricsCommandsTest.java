package io.amoc.shell.command;

import com.sun.net.httpserver.HttpServer;
import io.amoc.cluster.LocalNodeHandle;
import io.amoc.config.Config;
import io.amoc.engine.NodeController;
import io.amoc.metrics.NodeMetrics;
import io.amoc.shell.Fixtures;
import io.amoc.shell.TestMasters;
import io.amoc.shell.language.Interpreter;
import io.amoc.shell.language.Reply;
import io.amoc.shell.render.MetricsView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The metrics commands in the assembled shell, over a real local node running a real scenario. */
class MetricsCommandsTest {

    /** Each user counts one greeting and records a time of its id in milliseconds, once. */
    private static final String GREETS = """
            import io.amoc.scenario.AmocMetrics;
            import io.amoc.scenario.Scenario;

            public class Greets implements Scenario<Void> {
                @Override
                public void start(long userId, Void state) throws Exception {
                    AmocMetrics.count("greetings");
                    AmocMetrics.time("greeting_time", userId * 1000);
                    Thread.sleep(60_000);
                }
            }
            """;

    @TempDir
    Path dir;

    private final NodeController node = new NodeController("local");
    private Shell shell;
    private Interpreter session;

    private void startShell(Map<String, String> extraConfig) throws IOException {
        Map<String, String> values = new HashMap<>(Map.of("interarrival", "0", "repeat_num", "1"));
        values.putAll(extraConfig);
        Config config = new Config(Map.of(), values);
        Config.install(config);
        NodeMetrics.install(new NodeMetrics());
        Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(scenarios.resolve("Greets.java"), GREETS);
        shell = Shell.of(TestMasters.local(dir, config, List.of(scenarios), new LocalNodeHandle(node)));
        session = shell.newSession();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (shell != null) {
            shell.close(Duration.ofSeconds(5));
        }
        node.stop();
    }

    private String ok(String line) {
        Reply reply = session.run(line);
        assertTrue(reply.ok(), () -> line + " failed: " + reply.text());
        return reply.text();
    }

    private void greet(long from, long to, long greetingsInAll) throws InterruptedException {
        ok("local.do(Greets, " + from + ", " + to + ")");
        Fixtures.waitUntil(greetingsInAll + " greetings and their times", () ->
                NodeMetrics.current().snapshot("t").counters().getOrDefault("greetings", 0L) == greetingsInAll
                        && NodeMetrics.current().wholeRun("greeting_time").getTotalCount() == greetingsInAll);
    }

    @Test
    void metricsShowsTheCountsAndPercentilesTheScenarioRecorded() throws Exception {
        startShell(Map.of());
        long began = System.nanoTime();
        greet(1, 10, 10);

        String text = ok("metrics");
        double lasted = Math.max(1, (System.nanoTime() - began) / 1e9);

        assertTrue(text.startsWith("local: users 10\n"), text);
        java.util.regex.Matcher greetings = java.util.regex.Pattern.compile("\ngreetings +10 +10 +([0-9.]+)\n")
                .matcher(text);
        assertTrue(greetings.find(), text);
        double rate = Double.parseDouble(greetings.group(1));
        assertTrue(rate <= 10.0 && rate >= 10 / lasted - 0.05,
                "10 greetings over the " + lasted + " s the run lasted, not over a minute: " + text);
        assertTrue(text.matches("(?s).*\ngreeting_time +10 +5\\.00ms +10\\.0ms +10\\.0ms +10\\.0ms(\n.*|$)"), text);
        assertTrue(text.matches("(?s).*\nuser_failures +0 +0 +0\\.0\n.*"), text);
    }

    @Test
    void stoppingARunAppendsTheSummaryOfThatRunOnly() throws Exception {
        startShell(Map.of());
        greet(1, 10, 10);
        String first = ok("local.stop()");
        assertTrue(first.startsWith("local: stopped\nrun summary (local, "), first);
        assertTrue(first.contains(": users at the stop 10\n"), first);
        assertTrue(first.matches("(?s).*\ngreetings +10 +[0-9.]+\n.*"), first);

        greet(1, 4, 14);
        String second = ok("local.stop()");

        assertTrue(second.matches("(?s).*\ngreetings +4 +[0-9.]+\n.*"), second);
        assertTrue(second.matches("(?s).*\ngreeting_time +4 +2\\.00ms +4\\.00ms +4\\.00ms +4\\.00ms(\n.*|$)"), second);
    }

    @Test
    void watchInAScriptPrintsOneFrameAndSaysWhy() throws Exception {
        startShell(Map.of());
        greet(1, 3, 3);

        String frame = ok("watch");

        assertTrue(frame.startsWith("local  "), frame);
        assertTrue(frame.contains("  users 3  failures 0"), frame);
        assertTrue(frame.endsWith("one frame: watch redraws only in an interactive console (in scripts use metrics)"),
                frame);
        frame.lines().forEach(line -> assertTrue(line.length() <= MetricsView.WIDTH, line));
    }

    @Test
    void distMetricsWithoutSlavesIsAOneLineErrorWithAHint() throws Exception {
        startShell(Map.of());
        Reply reply = session.run("dist.metrics");
        assertFalse(reply.ok());
        assertFalse(reply.text().contains("\n"), reply.text());
        assertTrue(reply.text().contains("dist.connect"), reply.text());
    }

    @Test
    void aLocalStartIsAnnotatedInGraphiteWhenAnEndpointIsConfigured() throws Exception {
        LinkedBlockingQueue<String> bodies = new LinkedBlockingQueue<>();
        HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        web.createContext("/events/", exchange -> {
            bodies.add(exchange.getRequestMethod() + " " + new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        web.start();
        try {
            startShell(Map.of("graphite_endpoint", "\"127.0.0.1:" + web.getAddress().getPort() + "\""));
            greet(1, 2, 2);
            String body = bodies.poll(10, TimeUnit.SECONDS);
            assertNotNull(body, "no annotation arrived");
            long now = System.currentTimeMillis() / 1000;
            assertTrue(body.startsWith("POST {\"what\": \"amoc start\", \"tags\": \"amoc start\", \"data\": \"Scenario:"
                    + " Greets. Start: 1. End: 2. Nodes: 1.\", \"when\": "), "a local start without a comment: " + body);
            long when = Long.parseLong(body.replaceAll(".*\"when\": (\\d+)}$", "$1"));
            assertTrue(Math.abs(now - when) <= 60, "the event's time, epoch seconds: " + body);
        } finally {
            web.stop(0);
        }
    }
}
