package io.amoc.command;

import io.amoc.cluster.ClusterResult;
import io.amoc.compile.ScenarioBundle;
import io.amoc.config.Literal;
import io.amoc.engine.NodeRunInfo;
import io.amoc.metrics.MergedMetrics;
import io.amoc.metrics.MetricsSnapshot;
import io.amoc.report.Figures;
import io.amoc.report.RecordedRun;
import io.amoc.report.RunManifest;
import io.amoc.report.RunRecorder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The recording of one target's runs: from each start to its stop a {@link RunRecorder} samples the nodes' metrics
 * every {@code report_interval}; at the stop the run is kept, with its failures and its nodes' own account, until
 * the next start, for its summary, verdict and report. Called by {@link RunControl}, whose changes run one at a
 * time; reads (a report of the running run) may come meanwhile, hence the lock.
 */
final class RunRecording {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final Supplier<Duration> interval;
    private final Supplier<List<ConfigEntry>> config;
    private Recording current;
    private RunRecord last;

    /** A run being recorded: what runs, the config at its start, and its recorder. */
    record Recording(ScenarioBundle bundle, Map<String, RunManifest.ConfigValue> config, RunRecorder recorder) {
    }

    /** @param interval the sampling interval, read at each start; @param config the config in effect, as listed */
    RunRecording(Supplier<Duration> interval, Supplier<List<ConfigEntry>> config) {
        this.interval = interval;
        this.config = config;
    }

    /** Takes the nodes' metrics now as the start of a run of {@code bundle} and samples them from now on. */
    Recording begin(ScenarioBundle bundle, Supplier<ClusterResult<MetricsSnapshot>> metrics) {
        return new Recording(bundle, configNow(), RunRecorder.start(metrics, interval.get()));
    }

    /** The run began on some node: it is the one recorded now. */
    synchronized void started(Recording recording) {
        if (current != null) {
            current.recorder().close();
        }
        current = recording;
    }

    /** The run began nowhere: its recording is dropped. */
    void abandoned(Recording recording) {
        recording.recorder().close();
    }

    /**
     * How much of the minute before {@code nowMillis} the current run (or else the last one) ran: the time the
     * nodes' last-minute counts cover. A whole minute before any run, and once a run has lasted a minute.
     */
    synchronized Duration ranInLastMinute(long nowMillis) {
        long from = nowMillis - MINUTE.toMillis();
        if (current != null) {
            return Duration.ofMillis(Math.clamp(nowMillis - Math.max(from, current.recorder().startMillis()), 0,
                    MINUTE.toMillis()));
        }
        if (last == null) {
            return MINUTE;
        }
        long to = Math.min(nowMillis, last.run().endMillis());
        return Duration.ofMillis(Math.max(0, to - Math.max(from, last.run().startMillis())));
    }

    /** The run being recorded, if one is. */
    synchronized Optional<Recording> running() {
        return Optional.ofNullable(current);
    }

    /** Takes the last sample of the current run (before its stop) and stops sampling; empty when none is recorded. */
    synchronized Optional<Recording> finishing() {
        Recording ending = current;
        current = null;
        if (ending != null) {
            ending.recorder().finish();
        }
        return Optional.ofNullable(ending);
    }

    /** Keeps the stopped run, with the failures and the nodes' account asked after its stop, and returns it. */
    synchronized RunRecord ended(Recording recording, Failures failures, ClusterResult<NodeRunInfo> nodes) {
        last = record(recording, recording.recorder().finish(), failures, nodes, true);
        return last;
    }

    /** The running run (recorded so far, its failures and nodes asked now), or the last one; empty before any run. */
    Optional<RunRecord> currentOrLast(Supplier<Failures> failures, Supplier<ClusterResult<NodeRunInfo>> nodes) {
        Recording running;
        synchronized (this) {
            running = current;
            if (running == null) {
                return Optional.ofNullable(last);
            }
        }
        return Optional.of(record(running, running.recorder().soFar(), failures.get(), nodes.get(), false));
    }

    /** A run of {@code scenario} that started on no node at {@code atMillis}: nothing ran, nothing was recorded. */
    RunRecord notStarted(String scenario, String sha256, long atMillis) {
        MetricsSnapshot nothing = MergedMetrics.of(List.of());
        RecordedRun run = new RecordedRun(atMillis, atMillis, List.of(), List.of(), Figures.of(nothing, 0), nothing);
        return new RunRecord(scenario, sha256, configNow(), run, Failures.of(new ClusterResult<>(Map.of())),
                new ClusterResult<>(Map.of()), true);
    }

    private static RunRecord record(Recording recording, RecordedRun run, Failures failures,
                                    ClusterResult<NodeRunInfo> nodes, boolean ended) {
        return new RunRecord(recording.bundle().scenarioName(), recording.bundle().sha256(), recording.config(), run,
                failures, nodes, ended);
    }

    private Map<String, RunManifest.ConfigValue> configNow() {
        Map<String, RunManifest.ConfigValue> values = new TreeMap<>();
        for (ConfigEntry entry : config.get()) {
            values.put(entry.key(), new RunManifest.ConfigValue(entry.value().map(Literal::format).orElse(null),
                    entry.source().label()));
        }
        return values;
    }
}
