package io.amoc.shell.command;

import io.amoc.cluster.NodeHandle;
import io.amoc.command.Master;
import io.amoc.config.Config;
import io.amoc.shell.Fixtures;
import io.amoc.shell.MetricsNode;
import io.amoc.shell.TestMasters;
import io.amoc.shell.language.Interpreter;
import io.amoc.shell.language.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** dist.metrics and the dist run summary over in-memory nodes (the NodeHandle seam). */
class DistMetricsTest {

    @TempDir
    Path dir;

    private final MetricsNode first = new MetricsNode("slave1");
    private final MetricsNode second = new MetricsNode("slave2");
    private final MetricsNode third = new MetricsNode("slave3").down();
    private Master master;
    private Interpreter shell;

    @BeforeEach
    void startShell() {
        Config config = new Config(Map.of(), Map.of());
        Config.install(config);
        Path scenarios = Fixtures.scenarios(dir.resolve("scenarios"), "SleepsForAMinute");
        master = TestMasters.with(dir, config, List.of(scenarios), new MetricsNode("local"),
                List.<NodeHandle>of(first, second, third));
        shell = Shell.of(master).newSession();
    }

    @AfterEach
    void close() throws InterruptedException {
        master.close(java.time.Duration.ofSeconds(1));
    }

    @Test
    void distMetricsSumsCountersAndMergesHistogramsOfTheNodesThatAnswer() {
        for (int micros = 1; micros <= 9_000; micros++) {
            first.recorded().time("message_ttd", micros);
        }
        for (int micros = 9_001; micros <= 10_000; micros++) {
            second.recorded().time("message_ttd", micros);
        }
        first.recorded().count("messages_sent", 9_000);
        second.recorded().count("messages_sent", 1_000);
        first.recorded().users(30);
        second.recorded().users(20);

        Reply reply = shell.run("dist.metrics");

        assertTrue(reply.ok(), reply.text());
        String text = reply.text();
        assertTrue(text.startsWith("cluster: users 50\n"), text);
        assertTrue(text.matches("(?s).*\nmessages_sent +10,000 +10,000 +166\\.7\n.*"), text);
        assertTrue(text.matches("(?s).*\nmessage_ttd +10,000 +5\\.00ms +9\\.50ms +9\\.90ms +10\\.0ms\n.*"),
                "p99 of the union is 9.9 ms, not the mean of the nodes' p99s (8.9 and 9.99 ms): " + text);
        assertTrue(text.contains("\n2 nodes merged; no answer from slave3 ("), text);
    }

    @Test
    void distStopAppendsTheSummaryOfTheRunOverAllNodes() {
        first.recorded().count("messages_sent", 500);
        assertTrue(shell.run("dist.do(SleepsForAMinute, 1, 6)").ok());
        first.recorded().count("messages_sent", 7);
        second.recorded().count("messages_sent", 3);
        second.recorded().time("message_ttd", 2_000);

        Reply stopped = shell.run("dist.stop");

        String text = stopped.text();
        assertTrue(stopped.ok(), text);
        assertTrue(text.matches("(?s)node +result\n.*\nrun summary \\(cluster, .*"), text);
        assertTrue(text.matches("(?s).*\nmessages_sent +10 +[0-9.]+\n.*"), "only this run's 10 messages: " + text);
        assertTrue(text.matches("(?s).*\nmessage_ttd +1 +2\\.00ms +2\\.00ms +2\\.00ms +2\\.00ms(\n.*|$)"), text);
    }
}
