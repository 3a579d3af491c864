package io.amoc.report;

import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.NodeResult;
import io.amoc.metrics.MergedMetrics;
import io.amoc.metrics.MessageAccount;
import io.amoc.metrics.MetricsSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Records a run on the master: every interval it asks each node for its metrics and keeps what happened since the
 * previous answer (counters and histograms subtracted exactly, {@link MergedMetrics#since}), per node and merged.
 * Nodes that stop answering keep what they last sent and are marked as having left. Only figures are kept, never
 * histograms, so a long run costs little memory.
 */
public final class RunRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);
    /** At one sample a second, a day of a run; older intervals are dropped beyond it. */
    private static final int MAX_INTERVALS = 86_400;

    private final Supplier<ClusterResult<MetricsSnapshot>> source;
    private final LongSupplier clock;
    private final long startMillis;
    private final Map<String, MetricsSnapshot> baseline = new LinkedHashMap<>();
    private final Map<String, MetricsSnapshot> previous = new LinkedHashMap<>();
    private final Map<String, Long> firstSeen = new LinkedHashMap<>();
    private final Map<String, Long> lastSeen = new LinkedHashMap<>();
    private final Map<String, String> failing = new LinkedHashMap<>();
    private final List<Interval> timeline = new ArrayList<>();
    private ScheduledExecutorService timer;
    private long lastSampleMillis;
    private RecordedRun finished;

    RunRecorder(Supplier<ClusterResult<MetricsSnapshot>> source, LongSupplier clock) {
        this.source = source;
        this.clock = clock;
        this.startMillis = clock.getAsLong();
        this.lastSampleMillis = startMillis;
        take(source.get());
    }

    /**
     * Takes every node's metrics now as the run's start, then samples every {@code every} until {@link #finish()}.
     *
     * @param source the cluster's metrics, one call per sample (each node answers or is named failing)
     */
    public static RunRecorder start(Supplier<ClusterResult<MetricsSnapshot>> source, Duration every) {
        RunRecorder recorder = new RunRecorder(source, System::currentTimeMillis);
        recorder.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "amoc-run-recorder");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, every.toMillis());
        recorder.timer.scheduleAtFixedRate(recorder::sampleQuietly, millis, millis, TimeUnit.MILLISECONDS);
        return recorder;
    }

    /** When recording began (epoch ms): the run's start. */
    public long startMillis() {
        return startMillis;
    }

    /** The nodes' metrics as they were when each was first seen in the run, merged. */
    public synchronized MetricsSnapshot atStart() {
        return MergedMetrics.of(List.copyOf(baseline.values()));
    }

    /** Asks every node for its metrics now and adds the interval since the previous sample. */
    public synchronized void sample() {
        if (finished == null) {
            take(source.get());
        }
    }

    /** The intervals so far, oldest first. */
    public synchronized List<Interval> timeline() {
        return List.copyOf(timeline);
    }

    /** Takes a sample now and returns the run as recorded so far; sampling goes on. */
    public synchronized RecordedRun soFar() {
        if (finished != null) {
            return finished;
        }
        take(source.get());
        return recorded(false);
    }

    /** Takes a last sample, stops sampling and returns the run as recorded (the same on every later call). */
    public synchronized RecordedRun finish() {
        if (finished == null) {
            take(source.get());
            close();
            finished = recorded(true);
        }
        return finished;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            LOG.warn("cannot sample the run's metrics: {}", e.toString());
        }
    }

    private void take(ClusterResult<MetricsSnapshot> answers) {
        long now = clock.getAsLong();
        if (now == lastSampleMillis && !previous.isEmpty()) {
            return;   // no time has passed: nothing can have happened that the last sample did not see
        }
        long millis = now - lastSampleMillis;
        Map<String, Figures> byNode = new LinkedHashMap<>();
        List<MetricsSnapshot> deltas = new ArrayList<>();
        answers.byNode().forEach((node, answer) -> {
            switch (answer) {
                case NodeResult.Ok<MetricsSnapshot> ok -> {
                    MetricsSnapshot before = previous.get(node);
                    if (before != null) {
                        MetricsSnapshot delta = MergedMetrics.since(before, ok.value());
                        deltas.add(delta);
                        byNode.put(node, Figures.of(delta, now - lastSeen.get(node)));
                    }
                    baseline.putIfAbsent(node, ok.value());
                    firstSeen.putIfAbsent(node, now);
                    lastSeen.put(node, now);
                    previous.put(node, ok.value());
                    failing.remove(node);
                }
                case NodeResult.Failed<MetricsSnapshot> failed -> failing.put(node, failed.reason());
            }
        });
        if (!byNode.isEmpty()) {
            timeline.add(new Interval(now, millis, byNode, Figures.of(MergedMetrics.of(deltas), millis)));
            if (timeline.size() > MAX_INTERVALS) {
                timeline.remove(0);
            }
        }
        lastSampleMillis = now;
    }

    /** The run so far; an ended one counts its stamped messages never accounted for in {@code messages_missing}. */
    private RecordedRun recorded(boolean ended) {
        long end = clock.getAsLong();
        List<NodeRecord> nodes = new ArrayList<>();
        List<MetricsSnapshot> wholeRuns = new ArrayList<>();
        long liveUsers = 0;
        for (Map.Entry<String, MetricsSnapshot> first : baseline.entrySet()) {
            String node = first.getKey();
            MetricsSnapshot last = previous.get(node);
            MetricsSnapshot run = MergedMetrics.since(first.getValue(), last);
            boolean left = failing.containsKey(node);
            liveUsers += left ? 0 : last.users();
            wholeRuns.add(run);
            long from = firstSeen.get(node);
            long to = left ? lastSeen.get(node) : end;
            nodes.add(new NodeRecord(node, from, lastSeen.get(node), left, failing.get(node), Figures.of(run, to - from)));
        }
        MetricsSnapshot all = MergedMetrics.of(wholeRuns);
        String name = wholeRuns.size() == 1 ? wholeRuns.get(0).node() : all.node();   // a single node keeps its name
        MetricsSnapshot merged = new MetricsSnapshot(name, all.takenAtMillis(), liveUsers, all.counters(),
                all.gauges(), all.histograms());
        if (ended) {
            merged = MessageAccount.withMissing(merged);
        }
        return new RecordedRun(startMillis, end, timeline, nodes, Figures.of(merged, end - startMillis), merged);
    }
}
