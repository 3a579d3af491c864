package io.amoc.shell.metrics;

import io.amoc.cluster.Cluster;
import io.amoc.config.Config;
import io.amoc.shell.Reply;
import io.amoc.shell.command.Command;
import io.amoc.shell.command.Interpreter;
import io.amoc.shell.command.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** dist.metrics and the dist run summary over in-memory nodes (the NodeHandle seam). */
class DistMetricsTest {

    private final MetricsNode first = new MetricsNode("slave1");
    private final MetricsNode second = new MetricsNode("slave2");
    private final MetricsNode third = new MetricsNode("slave3").down();
    private final Cluster slaves = new Cluster(() -> List.of(first, second, third));
    private final MetricsCommands metrics = new MetricsCommands(new Cluster(List::of), () -> Optional.of(slaves),
            new Config(Map.of(), Map.of()));

    @AfterEach
    void close() {
        metrics.close();
    }

    private Interpreter shell(List<Command> extra) {
        List<Command> all = new ArrayList<>(metrics.commands());
        all.addAll(extra);
        return new Interpreter(all, new Session());
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

        Reply reply = shell(List.of()).run("dist.metrics");

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
        List<Command> dist = RunSummaries.around(List.of(
                Command.of("dist.do", "start", args -> Reply.ok("started")),
                Command.of("dist.stop", "stop", args -> Reply.ok("stopped"))), "dist", () -> Optional.of(slaves));
        Interpreter shell = shell(dist);

        shell.run("dist.do");
        first.recorded().count("messages_sent", 7);
        second.recorded().count("messages_sent", 3);
        second.recorded().time("message_ttd", 2_000);
        String text = shell.run("dist.stop").text();

        assertTrue(text.startsWith("stopped\nrun summary (cluster, "), text);
        assertTrue(text.matches("(?s).*\nmessages_sent +10 +[0-9.]+\n.*"), "only this run's 10 messages: " + text);
        assertTrue(text.matches("(?s).*\nmessage_ttd +1 +2\\.00ms +2\\.00ms +2\\.00ms +2\\.00ms(\n.*|$)"), text);
    }
}
