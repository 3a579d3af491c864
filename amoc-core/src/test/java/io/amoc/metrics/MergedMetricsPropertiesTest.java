package io.amoc.metrics;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MergedMetricsPropertiesTest {

    private static final double[] PERCENTILES = {0, 1, 25, 50, 75, 90, 95, 99, 99.9, 100};

    @Property(tries = 100)
    void theMergedClusterViewIsTheHistogramOfTheUnionOfBothNodesValues(
            @ForAll @Size(max = 300) List<@LongRange(min = 0, max = 60_000_000) Long> first,
            @ForAll @Size(max = 300) List<@LongRange(min = 0, max = 60_000_000) Long> second) {
        MetricsSnapshot merged = MergedMetrics.of(List.of(node("n1", first), node("n2", second)));

        List<Long> union = new ArrayList<>(first);
        union.addAll(second);
        Histogram expected = Histograms.empty();
        union.forEach(expected::recordValue);
        Histogram actual = histogramT(merged);
        assertEquals(expected.getTotalCount(), actual.getTotalCount());
        for (double p : PERCENTILES) {
            assertEquals(expected.getValueAtPercentile(p), actual.getValueAtPercentile(p), "p" + p);
        }
        assertEquals(expected.getMaxValue(), actual.getMaxValue());
        assertEquals(first.size() + second.size(), merged.counters().get("events"));
        assertEquals(2 * 3, merged.users());
    }

    @Property(tries = 100)
    void whatHappenedSinceASnapshotIsTheHistogramOfTheLaterValuesOnly(
            @ForAll @Size(max = 200) List<@LongRange(min = 0, max = 5_000_000) Long> before,
            @ForAll @Size(max = 200) List<@LongRange(min = 0, max = 5_000_000) Long> after) {
        NodeMetrics metrics = new NodeMetrics();
        before.forEach(v -> metrics.time("t", v));
        MetricsSnapshot start = metrics.snapshot("n");
        after.forEach(v -> metrics.time("t", v));
        metrics.count("events", after.size());

        MetricsSnapshot run = MergedMetrics.since(start, metrics.snapshot("n"));
        Histogram expected = Histograms.empty();
        after.forEach(expected::recordValue);
        Histogram actual = histogramT(run);
        assertEquals(expected.getTotalCount(), actual.getTotalCount());
        for (double p : PERCENTILES) {
            assertEquals(expected.getValueAtPercentile(p), actual.getValueAtPercentile(p), "p" + p);
        }
        assertEquals((long) after.size(), run.counters().get("events"));
    }

    /** Time "t" of the snapshot; a node that never recorded it has none. */
    private static Histogram histogramT(MetricsSnapshot snapshot) {
        byte[] bytes = snapshot.histograms().get("t");
        return bytes == null ? Histograms.empty() : Histograms.decode(bytes);
    }

    private static MetricsSnapshot node(String name, List<Long> values) {
        NodeMetrics metrics = new NodeMetrics();
        values.forEach(v -> metrics.time("t", v));
        metrics.count("events", values.size());
        metrics.users(3);
        return metrics.snapshot(name);
    }
}
