package io.amoc.shell.render;

import io.amoc.metrics.MetricsSnapshot;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.amoc.shell.render.Snapshots.T0;
import static io.amoc.shell.render.Snapshots.range;
import static io.amoc.shell.render.Snapshots.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WatchFrameTest {

    @Test
    void aFrameShowsRatesAndPercentilesOfTheLastRefreshOnly() {
        MetricsSnapshot before = snapshot("local", T0, 100, Map.of("messages_sent", 1000L, "user_failures", 2L),
                Map.of("message_ttd", range(1, 1000)), Map.of("messages_sent", 1000L));
        MetricsSnapshot after = snapshot("local", T0 + 2000, 110, Map.of("messages_sent", 1500L, "user_failures", 3L),
                Map.of("message_ttd", mergedWith(1, 1000, 100_000, 100_099)), Map.of("messages_sent", 1500L));

        String frame = WatchFrame.render(before, after, "press any key to stop");

        String[] lines = frame.split("\n");
        assertTrue(lines[0].startsWith("local  "), lines[0]);
        assertTrue(lines[0].endsWith("  users 110  failures 3"), lines[0]);
        assertEquals("""
                counter        total     /s  last 60 s
                messages_sent  1,500  250.0      1,500
                user_failures      3    0.5          -
                time (last 2.0 s)   n/s    p50    p95    p99    max
                message_ttd        50.0  100ms  100ms  100ms  100ms
                press any key to stop""", frame.substring(frame.indexOf('\n') + 1));
        frame.lines().forEach(line -> assertTrue(line.length() <= MetricsView.WIDTH, line));
    }

    @Test
    void aFrameSaysWhenAGeneratorIsOverloaded() {
        MetricsSnapshot before = snapshot("cluster", T0, 10, Map.of(), Map.of(), Map.of());
        MetricsSnapshot node = new MetricsSnapshot("a:1099", T0 + 1000, 10, Map.of(),
                Map.of("generator.overloaded", 1L), Map.of());
        MetricsSnapshot cluster = new MetricsSnapshot("cluster", T0 + 1000, 10, Map.of(),
                Map.of("generator.overloaded", 2L), Map.of());

        assertTrue(WatchFrame.render(before, node, "").lines().findFirst().orElseThrow()
                .endsWith("failures 0  overloaded"));
        assertTrue(WatchFrame.render(before, cluster, "").lines().findFirst().orElseThrow()
                .endsWith("failures 0  overloaded on 2 nodes"));
        assertFalse(WatchFrame.render(before, before, "").contains("overloaded"));
    }

    private static byte[] mergedWith(long from1, long to1, long from2, long to2) {
        org.HdrHistogram.Histogram h = io.amoc.metrics.Histograms.decode(range(from1, to1));
        h.add(io.amoc.metrics.Histograms.decode(range(from2, to2)));
        return io.amoc.metrics.Histograms.encode(h);
    }
}
