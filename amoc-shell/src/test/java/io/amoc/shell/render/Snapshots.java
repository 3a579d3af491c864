package io.amoc.shell.render;

import io.amoc.metrics.Histograms;
import io.amoc.metrics.MetricsSnapshot;
import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.TreeMap;

/** Fixed snapshots for the renderers' tests. */
final class Snapshots {

    static final long T0 = 1_700_000_000_000L;

    private Snapshots() {
    }

    /** A histogram of the values {@code from..to} µs, one each. */
    static byte[] range(long from, long to) {
        Histogram histogram = Histograms.empty();
        for (long v = from; v <= to; v++) {
            histogram.recordValue(v);
        }
        return Histograms.encode(histogram);
    }

    static MetricsSnapshot snapshot(String node, long at, long users, Map<String, Long> counters,
                                    Map<String, byte[]> histograms, Map<String, Long> lastMinute) {
        return new MetricsSnapshot(node, at, users, new TreeMap<>(counters), new TreeMap<>(), new TreeMap<>(histograms),
                new TreeMap<>(lastMinute));
    }
}
