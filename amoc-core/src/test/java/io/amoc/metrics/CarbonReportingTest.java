package io.amoc.metrics;

import io.amoc.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reporter against a real carbon-cache: what a run recorded is what whisper holds. */
class CarbonReportingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PREFIX = "amoc_test";

    @Test
    void aSmallRunsUsersCounterAndTimeArriveInWhisperWithTheirValues(@TempDir Path dir) throws Exception {
        try (CarbonCache carbon = CarbonCache.start(dir)) {
            NodeMetrics metrics = new NodeMetrics();
            metrics.users(7);
            metrics.count("messages_sent", 40);
            metrics.count("messages_sent", 2);
            for (int micros = 1; micros <= 100; micros++) {
                metrics.time("message_ttd", micros);
            }
            Config config = new Config(Map.of(), Map.of("graphite_host", "\"127.0.0.1\"",
                    "graphite_port", String.valueOf(carbon.linePort()), "graphite_prefix", PREFIX,
                    "graphite_interval", "1"));
            try (MetricsReporting reporting = MetricsReporting.startFromConfig(metrics, config)) {
                assertTrue(reporting.reporting(), "graphite_host is set: a reporter runs");
                awaitValue(carbon, PREFIX + ".amoc.times.message_ttd.p99");
                awaitValue(carbon, PREFIX + ".amoc.counters.messages_sent.count");
                awaitValue(carbon, PREFIX + ".amoc.users.size");
            }

            assertEquals(List.of(7.0), distinct(carbon.values(PREFIX + ".amoc.users.size")));
            assertEquals(List.of(42.0), distinct(carbon.values(PREFIX + ".amoc.counters.messages_sent.count")));
            assertEquals(List.of(42.0), distinct(carbon.values(PREFIX + ".amoc.counters.messages_sent.one")));
            assertEquals(List.of(0.0), distinct(carbon.values(PREFIX + ".amoc.counters.user_failures.count")));
            assertEquals(List.of(99.0), carbon.values(PREFIX + ".amoc.times.message_ttd.p99"),
                    "one interval held the values, and empty intervals send nothing");
            assertEquals(List.of(50.0), carbon.values(PREFIX + ".amoc.times.message_ttd.median"));
            assertEquals(List.of(100.0), carbon.values(PREFIX + ".amoc.times.message_ttd.max"));
            assertEquals(List.of(1.0), carbon.values(PREFIX + ".amoc.times.message_ttd.min"));
            assertEquals(List.of(50.5), carbon.values(PREFIX + ".amoc.times.message_ttd.mean"));
            assertTrue(carbon.whisperFile(PREFIX + ".jvm.memory.heap.used").toFile().exists());
        }
    }

    private static void awaitValue(CarbonCache carbon, String path) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (carbon.values(path).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, path + " did not reach whisper within " + WAIT);
            Thread.sleep(200);
        }
    }

    private static List<Double> distinct(List<Double> values) {
        return values.stream().distinct().toList();
    }
}
