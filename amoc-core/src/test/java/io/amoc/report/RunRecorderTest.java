package io.amoc.report;

import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.NodeResult;
import io.amoc.metrics.MetricsSnapshot;
import io.amoc.metrics.NodeMetrics;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunRecorderTest {

    private final NodeMetrics one = new NodeMetrics();
    private final NodeMetrics two = new NodeMetrics();
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private boolean twoAnswers = true;

    @Test
    void eachIntervalHoldsWhatHappenedInItPerNodeAndMerged() {
        one.count("messages_sent", 5);   // before the run: not part of it
        RunRecorder recorder = new RunRecorder(this::answers, clock::get);

        one.count("messages_sent", 10);
        two.count("messages_sent", 30);
        one.time("message_ttd", 1_000);
        two.time("message_ttd", 9_000);
        clock.addAndGet(2_000);
        recorder.sample();

        Interval first = recorder.timeline().get(0);
        assertEquals(2_000, first.millis());
        assertEquals(10L, first.byNode().get("one").counters().get("messages_sent"));
        assertEquals(40L, first.cluster().counters().get("messages_sent"));
        assertEquals(20.0, first.cluster().rates().get("messages_sent"));
        assertEquals(2, first.cluster().times().get("message_ttd").count());
        assertTrue(first.cluster().times().get("message_ttd").max() >= 9_000, "the histograms are merged");

        one.count("messages_sent", 1);
        clock.addAndGet(1_000);
        recorder.sample();

        assertEquals(1L, recorder.timeline().get(1).cluster().counters().get("messages_sent"));
    }

    @Test
    void aNodeThatStopsAnsweringKeepsWhatItLastSentAndIsMarkedAsLeft() {
        RunRecorder recorder = new RunRecorder(this::answers, clock::get);
        one.count("connections", 3);
        two.count("connections", 4);
        clock.addAndGet(1_000);
        recorder.sample();
        twoAnswers = false;
        one.count("connections", 1);
        two.count("connections", 100);   // never seen by the master
        clock.addAndGet(1_000);

        RecordedRun run = recorder.finish();

        assertEquals(8L, run.cluster().counters().get("connections"));
        NodeRecord left = run.nodes().get(1);
        assertEquals("two", left.node());
        assertTrue(left.left());
        assertEquals("unreachable", left.leftReason());
        assertEquals(4L, left.run().counters().get("connections"));
        assertFalse(run.nodes().get(0).left());
        assertNull(run.nodes().get(0).leftReason());
        assertEquals(2_000, run.endMillis() - run.startMillis());
    }

    private ClusterResult<MetricsSnapshot> answers() {
        Map<String, NodeResult<MetricsSnapshot>> answers = new LinkedHashMap<>();
        answers.put("one", new NodeResult.Ok<>(one.snapshot("one")));
        answers.put("two", twoAnswers ? new NodeResult.Ok<>(two.snapshot("two")) : new NodeResult.Failed<>("unreachable"));
        return new ClusterResult<>(answers);
    }
}
