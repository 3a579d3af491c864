package io.amoc.command;

import io.amoc.cluster.Cluster;
import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.RunOptions;
import io.amoc.compile.ScenarioBundle;
import io.amoc.compile.ScenarioCatalog;
import io.amoc.compile.ScenarioCompileException;
import io.amoc.compile.UnknownScenarioException;
import io.amoc.config.Config;
import io.amoc.config.ConfigKeys;
import io.amoc.engine.IdRange;
import io.amoc.engine.NodeRunInfo;
import io.amoc.engine.NodeStatus;
import io.amoc.engine.RemovalReport;
import io.amoc.engine.UsersDropped;
import io.amoc.logs.RecentLines;
import io.amoc.metrics.MetricsSnapshot;
import io.amoc.report.ReportWriter;
import io.amoc.verdict.Threshold;
import io.amoc.verdict.Verdict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The operations on one target's users, the same for {@code local} and {@code dist}: start, add, remove, stop, status
 * and metrics, waiting for a run's end, and its report. Every request is checked here, once, with the same words for
 * both targets; every answer is per node, down nodes named. Each run is recorded from its start to its stop
 * ({@link RunRecording}); a stop returns the summary of the run it ends.
 *
 * <p>Thread-safe. Start, add, remove and stop of one target run one at a time (a slow slave holds up only its own
 * target's changes, up to its call's deadline); status and metrics never wait for them. A caller interrupted while it
 * waits for its turn (a cancelled command) gets a {@link CommandCancelledException}; one interrupted while the nodes
 * work gets their answers so far, the others named as cancelled.
 */
public final class RunControl {

    /** More users than this in one command is refused as a typo (a node holds around 100,000). */
    public static final long MAX_USERS_PER_COMMAND = 10_000_000;
    /** The highest user id a run gives out: far below {@code Long.MAX_VALUE}, so that no id arithmetic overflows. */
    public static final long MAX_ID = 1_000_000_000_000_000L;

    private final Target target;
    private final RunNodes nodes;
    private final ScenarioCatalog catalog;
    /** How often a wait for a run's end asks the nodes. */
    private static final Duration END_POLL = Duration.ofMillis(200);

    private final LongSupplier clockMillis;
    private final Settings settings;
    private final ReentrantLock changes = new ReentrantLock(true);
    private final RunRecording recording;

    RunControl(Target target, RunNodes nodes, ScenarioCatalog catalog, Settings settings, LongSupplier clockMillis,
               RunRecording recording) {
        this.target = target;
        this.settings = settings;
        this.nodes = nodes;
        this.catalog = catalog;
        this.clockMillis = clockMillis;
        this.recording = recording;
    }

    public Target target() {
        return target;
    }

    /**
     * Compiles the scenario (if it changed), ships it to each addressed node, runs its {@code init} there, then
     * starts users {@code from..to} split round-robin; spawning goes on in the background.
     *
     * @throws RunStateException a scenario already runs on this target (stop it first)
     */
    public RunStarted start(StartRequest request)
            throws CommandException, UnknownScenarioException, ScenarioCompileException {
        return start(request, Map.of());
    }

    /**
     * {@link #start(StartRequest)} with config values set first ({@code config.set} of each, all checked before
     * any is set), once the request, the target's state and the scenario's source have passed: a refused start
     * changes no setting.
     */
    public RunStarted start(StartRequest request, Map<String, Object> settings)
            throws CommandException, UnknownScenarioException, ScenarioCompileException {
        return start(request, settings, StartListener.NONE);
    }

    /**
     * {@link #start(StartRequest, Map)}, telling {@code listener} while the scenario's {@code init} runs longer than
     * {@link InitProgress#FIRST_AFTER}.
     */
    public RunStarted start(StartRequest request, Map<String, Object> settings, StartListener listener)
            throws CommandException, UnknownScenarioException, ScenarioCompileException {
        String operation = target.operation("do");
        lock(operation);
        try {
            return startLocked(operation, request, settings, listener);
        } finally {
            changes.unlock();
        }
    }

    private RunStarted startLocked(String operation, StartRequest request, Map<String, Object> settings,
                                   StartListener listener)
            throws CommandException, UnknownScenarioException, ScenarioCompileException {
        positive(operation, "from", "From", request.from());
        if (request.to() < request.from()) {
            throw BadRequestException.of(operation, "to", "To (" + request.to() + ") is below From (" + request.from()
                    + "): users get the ids From..To, e.g. " + operation + "(" + request.scenario() + ", 1, 10)");
        }
        notTooMany(operation, "to", request.to() - request.from() + 1);
        if (request.to() > MAX_ID) {
            throw BadRequestException.of(operation, "to", "To (" + request.to() + ") is above " + MAX_ID + ", the"
                    + " highest id a run gives out: start lower, e.g. " + operation + "(" + request.scenario()
                    + ", 1, 10)");
        }
        Cluster cluster = nodes.cluster();
        UnknownNodesException.refuseUnknown(operation, request.nodes(), nodes.names());
        ScenarioBundle bundle = catalog.bundle(request.scenario());
        Optional<ScenarioBundle> running = cluster.running();
        if (running.isPresent()) {
            throw RunStateException.alreadyRunning(target, running.get().scenarioName());
        }
        if (!settings.isEmpty()) {
            this.settings.setAll(settings);
        }
        RunRecording.Recording recorded = recording.begin(bundle, () -> allMetrics(cluster));
        RunOptions options = request.options();
        ClusterResult<Void> started;
        try (InitProgress progress = InitProgress.of(bundle.scenarioName(), listener)) {
            started = nodes.complete(cluster.start(bundle, request.from(), request.to(), options), options);
        }
        if (started.byNode().values().stream().anyMatch(io.amoc.cluster.NodeResult::ok)) {
            recording.started(recorded);
        } else {
            recording.abandoned(recorded);
        }
        return new RunStarted(bundle.scenarioName(), bundle.className(), bundle.sha256(), request.from(), request.to(),
                started);
    }

    /**
     * Adds users after the highest id given out in this run; each node's answer is the ids it got.
     *
     * @throws RunStateException no scenario runs on this target
     */
    public ClusterResult<IdRange> add(AddRequest request) throws CommandException {
        String operation = target.operation("add");
        positive(operation, "count", "Count", request.count());
        notTooMany(operation, "count", request.count());
        RunOptions options = request.options();
        lock(operation);
        try {
            Cluster cluster = runningCluster("add");
            UnknownNodesException.refuseUnknown(operation, request.nodes(), nodes.names());
            long room = MAX_ID - cluster.lastId();
            if (request.count() > room) {
                throw BadRequestException.of(operation, "count", "the ids would pass " + MAX_ID + ", the highest a run"
                        + " gives out (" + cluster.lastId() + " is given out): " + (room > 0 ? "add at most " + room
                        : "stop this run and start another from 1"));
            }
            return nodes.complete(cluster.add(request.count(), options), options);
        } finally {
            changes.unlock();
        }
    }

    /**
     * Removes the highest-id live users; each node's answer is the ids it removed and those still alive.
     *
     * @throws RunStateException no scenario runs on this target
     */
    public ClusterResult<RemovalReport> remove(RemoveRequest request) throws CommandException {
        String operation = target.operation("remove");
        positive(operation, "count", "Count", request.count());
        notTooMany(operation, "count", request.count());
        RunOptions options = request.options();
        lock(operation);
        try {
            Cluster cluster = runningCluster("remove");
            UnknownNodesException.refuseUnknown(operation, request.nodes(), nodes.names());
            return nodes.complete(cluster.remove(request.count(), request.force(), options), options);
        } finally {
            changes.unlock();
        }
    }

    /** The target's cluster, refusing a change of users while no scenario runs there. */
    private Cluster runningCluster(String verb) throws CommandException {
        Cluster cluster = nodes.cluster();
        if (cluster.running().isEmpty()) {
            throw RunStateException.notRunning(target, verb);
        }
        return cluster;
    }

    /**
     * Drains the run's stamped messages ({@link MessageDrain}), stops every user, runs {@code terminate} once per
     * node, and sums up the run this layer started (taken just before the stop; a node that left during the run is in
     * it, marked; with {@code messages_missing} when it sent stamped messages).
     */
    public RunStopped stop() throws CommandException {
        lock(target.operation("stop"));
        try {
            return stopLocked();
        } finally {
            changes.unlock();
        }
    }

    private RunStopped stopLocked() throws CommandException {
        Cluster cluster = nodes.cluster();
        recording.running().ifPresent(running -> MessageDrain.drain(cluster, running.recorder().atStart(),
                Duration.ofMillis(ConfigKeys.MESSAGE_DRAIN_TIME.get(Config.global()))));
        Optional<RunRecording.Recording> ending = recording.finishing();
        Map<String, UsersDropped> dropped = ending.isEmpty() ? Map.of()
                : droppedSince(cluster, ending.get().recorder().startMillis());
        ClusterResult<Void> stopped = nodes.complete(cluster.stop(), RunOptions.all());
        if (ending.isEmpty()) {
            return new RunStopped(stopped, Optional.empty());
        }
        RunRecord ended = recording.ended(ending.get(), failuresOf(cluster), runInfo(cluster));
        return new RunStopped(stopped, Optional.of(RunSummary.of(ended.run(), dropped)));
    }

    /** The users each node stopped on its own since {@code sinceMillis}, from the status it last gave. */
    private static Map<String, UsersDropped> droppedSince(Cluster cluster, long sinceMillis) {
        Map<String, UsersDropped> dropped = new LinkedHashMap<>();
        cluster.status().values().forEach((node, status) -> {
            if (status.dropped() != null && status.dropped().atMillis() >= sinceMillis) {
                dropped.put(node, status.dropped());
            }
        });
        return dropped;
    }

    /**
     * Waits until the run ends (on every node that answers, no user runs and none waits to start: a run whose users
     * all finished counts as ended) or {@code timeout} passes.
     */
    public RunWait awaitEnd(Duration timeout) throws CommandException, InterruptedException {
        long start = System.nanoTime();
        long limit = timeout.isNegative() ? 0
                : timeout.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : timeout.toNanos();
        while (true) {
            ClusterResult<NodeStatus> statuses = status();
            long waited = System.nanoTime() - start;
            if (RunWait.ended(statuses) || waited >= limit) {
                return new RunWait(RunWait.ended(statuses), statuses, Duration.ofNanos(waited));
            }
            Thread.sleep(Math.max(1, Math.min(END_POLL.toMillis(), (limit - waited) / 1_000_000)));
        }
    }

    /**
     * Writes the report of the current run (as it is so far) or of the last one into the request's directory,
     * with its verdict over the request's thresholds.
     */
    public WrittenReport report(ReportRequest request) throws CommandException {
        String operation = target.operation("report");
        Path directory = RunReports.directory(operation, request.directory());
        List<Threshold> thresholds = RunReports.thresholds(operation, request.thresholds());
        RunRecord record = record();
        return write(record, RunReports.verdict(record, thresholds), directory);
    }

    /** The current run so far, or the last one. */
    RunRecord record() throws CommandException {
        Cluster cluster = nodes.cluster();
        return recording.currentOrLast(() -> failuresOf(cluster), () -> runInfo(cluster))
                .orElseThrow(() -> new NothingToReportException(target));
    }

    /** The record of a run of {@code scenario} that started on no node: nothing ran; its report says why. */
    RunRecord notStarted(String scenario, String sha256) {
        return recording.notStarted(scenario, sha256, clockMillis.getAsLong());
    }

    /** Writes {@code record}'s report with {@code verdict} into {@code directory}. */
    WrittenReport write(RunRecord record, Verdict verdict, Path directory)
            throws ReportNotWrittenException {
        try {
            return new WrittenReport(new ReportWriter().write(RunReports.report(record, verdict), directory), verdict,
                    record.ended());
        } catch (IOException | UncheckedIOException e) {
            throw new ReportNotWrittenException(directory, e);
        }
    }

    /** Each node's state, scenario, users and failures. */
    public ClusterResult<NodeStatus> status() throws CommandException {
        return nodes.complete(nodes.cluster().status(), RunOptions.all());
    }

    /**
     * The nodes' metrics now, merged; with how much of the last minute the current (or last) run ran, over which
     * the last minute's counts are rates.
     */
    public ClusterMetrics metrics() throws CommandException {
        ClusterMetrics metrics = ClusterMetrics.of(allMetrics(nodes.cluster()));
        return metrics.ranFor(recording.ranInLastMinute(clockMillis.getAsLong()));
    }

    /**
     * The last {@code lines} lines each node logged (the scenario's lines, and amoc's warnings), oldest first; a node
     * keeps the last {@value RecentLines#KEPT}.
     *
     * @param nodes the nodes to ask, by name; empty = all
     */
    public ClusterResult<List<String>> recentLogLines(int lines, List<String> nodes) throws CommandException {
        String operation = target.operation("logs");
        positive(operation, "lines", "Lines", lines);
        if (lines > RecentLines.KEPT) {
            throw BadRequestException.of(operation, "lines", "a node keeps its last " + RecentLines.KEPT
                    + " lines; ask for " + RecentLines.KEPT + " or fewer");
        }
        RunOptions options = RunOptions.nodes(nodes);
        return this.nodes.complete(this.nodes.cluster().recentLogLines(lines, options), options);
    }

    /** The users that failed in the current (or last) run, grouped by cause: merged over the nodes and per node. */
    public Failures failures() throws CommandException {
        return failuresOf(nodes.cluster());
    }

    /** The scenario running on this target, if one is. */
    public Optional<ScenarioBundle> running() {
        return nodes.ifStarted().flatMap(Cluster::running);
    }

    /** Waits for this target's turn; a cancelled wait does nothing. */
    private void lock(String operation) throws CommandCancelledException {
        try {
            changes.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandCancelledException(operation);
        }
    }

    private ClusterResult<MetricsSnapshot> allMetrics(Cluster cluster) {
        return nodes.complete(cluster.metrics(), RunOptions.all());
    }

    private ClusterResult<NodeRunInfo> runInfo(Cluster cluster) {
        return nodes.complete(cluster.runInfo(), RunOptions.all());
    }

    private Failures failuresOf(Cluster cluster) {
        return Failures.of(nodes.complete(cluster.failures(), RunOptions.all()));
    }

    private static void positive(String operation, String field, String name, long value) throws BadRequestException {
        if (value < 1) {
            throw BadRequestException.of(operation, field, name + " must be a positive whole number, got " + value);
        }
    }

    private static void notTooMany(String operation, String field, long users) throws BadRequestException {
        if (users > MAX_USERS_PER_COMMAND) {
            throw BadRequestException.of(operation, field, users + " users is too many for one command (at most "
                    + MAX_USERS_PER_COMMAND + "): add them in steps");
        }
    }
}
