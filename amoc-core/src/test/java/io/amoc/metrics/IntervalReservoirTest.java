package io.amoc.metrics;

import com.codahale.metrics.Snapshot;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IntervalReservoirTest {

    @Test
    void eachReportShowsOnlyItsIntervalWhileTheWholeRunKeepsEverything() {
        NodeMetrics metrics = new NodeMetrics();
        for (int i = 0; i < 100; i++) {
            metrics.time("slow_then_fast", 50_000);
        }
        Snapshot first = metrics.histogram("slow_then_fast").getSnapshot();
        for (int i = 0; i < 10; i++) {
            metrics.time("slow_then_fast", 100);
        }
        Snapshot second = metrics.histogram("slow_then_fast").getSnapshot();
        Snapshot third = metrics.histogram("slow_then_fast").getSnapshot();

        assertEquals(100, first.size());
        assertEquals(50_000, first.getMin(), 50);
        assertEquals(10, second.size());
        assertEquals(100, second.getMax());
        assertEquals(0, third.size());
        assertEquals(110, metrics.wholeRun("slow_then_fast").getTotalCount());
        assertEquals(50_000, metrics.wholeRun("slow_then_fast").getMaxValue(), 50);
        assertEquals(110, metrics.histogram("slow_then_fast").getCount());
    }

    @Test
    void valuesRecordedByManyThreadsWhileReportsAreTakenAreEachCountedOnceInTheirIntervalAndInTheWholeRun()
            throws Exception {
        NodeMetrics metrics = new NodeMetrics();
        int threads = 8;
        int each = 20_000;
        java.util.concurrent.atomic.AtomicLong reported = new java.util.concurrent.atomic.AtomicLong();
        java.util.List<Thread> recorders = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long value = 100L * (t + 1);
            recorders.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < each; i++) {
                    metrics.time("busy", value);
                }
            }));
        }
        while (recorders.stream().anyMatch(Thread::isAlive)) {
            reported.addAndGet(metrics.histogram("busy").getSnapshot().size());
            Thread.onSpinWait();
        }
        for (Thread recorder : recorders) {
            recorder.join();
        }
        reported.addAndGet(metrics.histogram("busy").getSnapshot().size());

        assertEquals((long) threads * each, reported.get());
        assertEquals((long) threads * each, metrics.wholeRun("busy").getTotalCount());
        assertEquals(each, metrics.wholeRun("busy").getCountAtValue(800));
        assertEquals((long) threads * each, Histograms.decode(metrics.snapshot("n").histograms().get("busy"))
                .getTotalCount());
    }

    @Test
    void predefinedMetricsExistFromTheStartShowingZero() {
        MetricsSnapshot snapshot = new NodeMetrics().snapshot("fresh");
        assertEquals(0L, snapshot.counters().get("user_failures"));
        assertEquals(0L, snapshot.counters().get("connections"));
        assertEquals(0L, snapshot.counters().get("connection_failures"));
        assertEquals(0, Histograms.decode(snapshot.histograms().get("connection")).getTotalCount());
        assertEquals(0, snapshot.users());
    }

    @Test
    void jvmMemoryThreadsAndGcAreInTheRegistry() {
        var gauges = new NodeMetrics().numericGauges().keySet();
        assertEquals(true, gauges.contains("jvm.memory.heap.used"), gauges.toString());
        assertEquals(true, gauges.contains("jvm.threads.count"), gauges.toString());
        assertEquals(true, gauges.stream().anyMatch(name -> name.startsWith("jvm.gc.")), gauges.toString());
    }
}
