package io.amoc.report;

import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.NodeResult;
import io.amoc.health.OverloadSpell;
import io.amoc.metrics.MergedMetrics;
import io.amoc.metrics.MetricsSnapshot;
import io.amoc.metrics.NodeMetrics;
import io.amoc.verdict.RunFigures;
import io.amoc.verdict.Threshold;
import io.amoc.verdict.ThresholdResult;
import io.amoc.verdict.ThresholdSyntaxException;
import io.amoc.verdict.Verdict;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A two-node run of 30 one-second intervals, chatting, with a slave that leaves near the end, and its report. */
final class SampleReports {

    static final String HOSTILE = "</script><script>document.title='pwned'</script>";

    private SampleReports() {
    }

    static RunReport chattingRun(List<String> thresholds) throws ThresholdSyntaxException {
        NodeMetrics one = new NodeMetrics();
        NodeMetrics two = new NodeMetrics();
        AtomicLong clock = new AtomicLong(1_767_225_600_000L);
        boolean[] twoAnswers = {true};
        RunRecorder recorder = new RunRecorder(() -> answers(one, two, twoAnswers[0]), clock::get);
        for (int second = 1; second <= 30; second++) {
            for (NodeMetrics node : List.of(one, two)) {
                node.users(second * 10L);
                node.count("messages_sent", 100);
                node.count("messages_received", 99);
                node.count("connections", 10);
                for (int i = 0; i < 100; i++) {
                    node.time("message_ttd", 1_000 + second * 100L + i * 37L);
                }
                node.time("connection", 20_000 + second * 1_000L);
                node.generator("cpu_percent", 20 + second);
                node.generator("lag_p99_us", 900 + second * 10L);
            }
            if (second == 28) {
                twoAnswers[0] = false;
            }
            clock.addAndGet(1_000);
            recorder.sample();
        }
        RecordedRun run = recorder.finish();
        MetricsSnapshot merged = MergedMetrics.of(List.of(one.snapshot("one"), two.snapshot("two")));
        RunFigures figures = new RunFigures(merged, Duration.ofMillis(run.endMillis() - run.startMillis()));
        List<ThresholdResult> results = new ArrayList<>();
        for (String threshold : thresholds) {
            results.add(Threshold.parse(threshold).evaluate(figures));
        }
        Map<String, List<OverloadSpell>> overloaded = Map.of("two",
                List.of(new OverloadSpell(run.startMillis() + 5_000, run.startMillis() + 9_000, "CPU 97% for 10 s (limit 90%)")));
        RunManifest manifest = new RunManifest("OneToOneChat", "ab12".repeat(16), run.startMillis(), run.endMillis(),
                Map.of("interarrival", new RunManifest.ConfigValue("50", "default"),
                        "xmpp_port", new RunManifest.ConfigValue("5222", "runtime")),
                List.of(new RunManifest.NodeManifest("one", "25", "0.1.0"), new RunManifest.NodeManifest("two", "25", "0.1.0")),
                "0.1.0");
        List<FailureRow> failures = List.of(new FailureRow("IllegalStateException at OneToOneChat.java:42", 1998,
                run.startMillis() + 2_000, run.startMillis() + 20_000, HOSTILE,
                "java.lang.IllegalStateException: " + HOSTILE + "\n\tat OneToOneChat.start(OneToOneChat.java:42)"));
        return new RunReport(manifest, Verdict.of(results, List.of()), run, failures, overloaded);
    }

    private static ClusterResult<MetricsSnapshot> answers(NodeMetrics one, NodeMetrics two, boolean twoAnswers) {
        Map<String, NodeResult<MetricsSnapshot>> answers = new LinkedHashMap<>();
        answers.put("one", new NodeResult.Ok<>(one.snapshot("one")));
        answers.put("two", twoAnswers ? new NodeResult.Ok<>(two.snapshot("two"))
                : new NodeResult.Failed<>("no heartbeat for 10 s"));
        return new ClusterResult<>(answers);
    }
}
