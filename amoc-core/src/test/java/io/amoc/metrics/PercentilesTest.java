package io.amoc.metrics;

import com.codahale.metrics.Snapshot;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PercentilesTest {

    private static final int VALUES = 10_000;
    /** HdrHistogram with 3 significant digits: a value is off by at most 0.1%. */
    private static final double PRECISION = 0.001;

    private static NodeMetrics recordedOneToTenThousand() {
        NodeMetrics metrics = new NodeMetrics();
        for (int micros = 1; micros <= VALUES; micros++) {
            metrics.time("response", micros);
        }
        return metrics;
    }

    private static void assertNear(double expected, double actual, String what) {
        assertTrue(Math.abs(actual - expected) <= expected * PRECISION,
                what + ": expected " + expected + " within 0.1%, got " + actual);
    }

    @Test
    void theWholeRunHistogramGivesTheKnownPercentilesOfOneToTenThousand() {
        Histogram run = recordedOneToTenThousand().wholeRun("response");
        assertEquals(VALUES, run.getTotalCount());
        assertNear(5000, run.getValueAtPercentile(50), "p50");
        assertNear(9900, run.getValueAtPercentile(99), "p99");
        assertNear(9990, run.getValueAtPercentile(99.9), "p999");
        assertNear(10_000, run.getMaxValue(), "max");
        assertEquals(1, run.getMinValue());
    }

    @Test
    void theReportSnapshotGivesTheSamePercentilesAsTheHistogram() {
        Snapshot interval = recordedOneToTenThousand().histogram("response").getSnapshot();
        assertEquals(VALUES, interval.size());
        assertNear(5000, interval.getMedian(), "median");
        assertNear(9500, interval.get95thPercentile(), "p95");
        assertNear(9900, interval.get99thPercentile(), "p99");
        assertNear(9990, interval.get999thPercentile(), "p999");
        assertNear(10_000, interval.getMax(), "max");
        assertNear(5000.5, interval.getMean(), "mean");
    }

    @Test
    void theSnapshotCarriesTheWholeRunHistogramInCompressedForm() {
        MetricsSnapshot snapshot = recordedOneToTenThousand().snapshot("n1");
        Histogram decoded = Histograms.decode(snapshot.histograms().get("response"));
        assertEquals(VALUES, decoded.getTotalCount());
        assertNear(9900, decoded.getValueAtPercentile(99), "p99");
    }

    @Test
    void aNegativeTimeIsRecordedAsZeroInsteadOfFailingTheUser() {
        NodeMetrics metrics = new NodeMetrics();
        metrics.time("clock_step", -5);
        assertEquals(0, metrics.wholeRun("clock_step").getMaxValue());
        assertEquals(1, metrics.wholeRun("clock_step").getTotalCount());
    }
}
