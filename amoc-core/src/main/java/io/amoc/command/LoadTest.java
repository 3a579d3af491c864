package io.amoc.command;

import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.NodeResult;
import io.amoc.cluster.NodeView;
import io.amoc.compile.ScenarioCompileException;
import io.amoc.compile.UnknownScenarioException;
import io.amoc.config.ConfigKey;
import io.amoc.config.ConfigKeys;
import io.amoc.config.ConfigSource;
import io.amoc.engine.NodeStatus;
import io.amoc.verdict.Threshold;
import io.amoc.verdict.Verdict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One load test from its start to its verdict ({@link Master#runLoadTest}): checks the request before anything
 * starts, derives each node's interarrival from the cluster-wide rate, starts users 1..N, waits until every user has
 * finished or the duration has passed (telling the listener how it goes), stops, evaluates the thresholds over the
 * recorded run and writes the report.
 */
final class LoadTest {

    /** How often a running load test tells its listener how it goes. */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final String OPERATION = "run";
    /** The longest run taken: a soak test lasts days; a length past a year is a typo (9999999999h). */
    static final Duration LONGEST_DURATION = Duration.ofDays(365);
    private static final double MILLIS_PER_SECOND = 1_000;

    private final Master master;
    private final LoadTestInterruption interruption;
    /** Set when the interruption ended the wait for the run's end. */
    private boolean interrupted;

    LoadTest(Master master, LoadTestInterruption interruption) {
        this.master = master;
        this.interruption = interruption;
    }

    LoadTestResult run(LoadTestRequest request, LoadTestListener listener)
            throws CommandException, UnknownScenarioException, ScenarioCompileException, InterruptedException {
        RunControl control = master.on(request.target());
        List<Threshold> thresholds = RunReports.thresholds(OPERATION, request.thresholds());
        checkDuration(request);
        Optional<Path> reportDirectory = request.reportDirectory().isEmpty() ? Optional.empty()
                : Optional.of(RunReports.directory(OPERATION, request.reportDirectory().get()));
        if (reportDirectory.isPresent()) {
            checkWritable(reportDirectory.get());
        }
        compile(control, request.scenario(), reportDirectory);
        long interarrival = interarrival(request);
        if (request.target() == Target.DIST) {
            givePaceToSlaves();
        }
        long startNanos = System.nanoTime();
        RunStarted started = start(control, request, listener);
        listener.started(started, interarrival);
        if (started.nodes().values().isEmpty()) {
            return startedNowhere(control, started, interarrival, reportDirectory);
        }
        Optional<RunWait> end = started.nodes().allOk()   // a node that did not start makes it an error: stop now
                ? Optional.of(awaitEnd(control, startNanos, request.duration(), listener)) : Optional.empty();
        RunStopped stopped = control.stop();
        ClusterResult<NodeStatus> afterStop = control.status();
        RunRecord record = control.record();
        Verdict verdict = problem(started.nodes(), stopped.nodes()).or(() -> end.flatMap(this::interruption))
                .or(() -> stragglers(afterStop)).map(Verdict::error)
                .orElseGet(() -> RunReports.verdict(record, thresholds));
        Optional<WrittenReport> report = Optional.empty();
        try {
            report = write(control, record, verdict, reportDirectory);
        } catch (ReportNotWrittenException e) {
            verdict = Verdict.error(e.getMessage());
        }
        return new LoadTestResult(started, interarrival, end, interrupted, Optional.of(stopped), verdict,
                record.overloaded(), report);
    }

    /**
     * Starts the run; the interruption requested meanwhile (Ctrl-C during a slow init) cancels the start, as Ctrl-C
     * does in the shell: each node whose init was cancelled says so, and a run that started nowhere is an error.
     */
    private RunStarted start(RunControl control, LoadTestRequest request, LoadTestListener listener)
            throws CommandException, UnknownScenarioException, ScenarioCompileException {
        boolean cancellable = interruption.enter();
        try {
            return control.start(StartRequest.of(request.scenario(), 1, request.users()), Map.of(), listener);
        } finally {
            if (cancellable) {
                interruption.leave();
            }
        }
    }

    /** A run that started on no node (e.g. its init threw on each): an error saying why, with its report. */
    private static LoadTestResult startedNowhere(RunControl control, RunStarted started, long interarrival,
                                                 Optional<Path> reportDirectory) {
        Verdict verdict = Verdict.error("the run started on no node: " + reasons(started.nodes()));
        Optional<WrittenReport> report = Optional.empty();
        try {
            report = write(control, control.notStarted(started.scenario(), started.sha256()), verdict,
                    reportDirectory);
        } catch (ReportNotWrittenException e) {
            verdict = Verdict.error(e.getMessage());
        }
        return new LoadTestResult(started, interarrival, Optional.empty(), false, Optional.empty(), verdict,
                Map.of(), report);
    }

    /** Writes {@code record}'s report with {@code verdict}, when one was asked for. */
    private static Optional<WrittenReport> write(RunControl control, RunRecord record, Verdict verdict,
                                                 Optional<Path> directory) throws ReportNotWrittenException {
        return directory.isEmpty() ? Optional.empty() : Optional.of(control.write(record, verdict, directory.get()));
    }

    /**
     * Compiles the scenario before the start (which then finds it compiled). An unknown scenario or a compile error
     * stops the load test here, with the report of a run that could not start, so that a CI job finds its junit.xml
     * and why; a report that cannot be written then is added to the error.
     */
    private void compile(RunControl control, String scenario, Optional<Path> reportDirectory)
            throws UnknownScenarioException, ScenarioCompileException {
        try {
            master.scenarios().compile(scenario);
        } catch (UnknownScenarioException | ScenarioCompileException e) {
            String why = e instanceof ScenarioCompileException ? scenario + " does not compile: " : "";
            try {
                write(control, control.notStarted(scenario, ""), Verdict.error(why + firstLine(e.getMessage())),
                        reportDirectory);
            } catch (ReportNotWrittenException notWritten) {
                e.addSuppressed(notWritten);
            }
            throw e;
        }
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse(text);
    }

    private void checkDuration(LoadTestRequest request) throws BadRequestException {
        if (request.users() < 1) {
            throw BadRequestException.of(OPERATION, "users", "--users must be a positive whole number, got "
                    + request.users());
        }
        if (request.duration().isPresent() && !request.duration().get().isPositive()) {
            throw BadRequestException.of(OPERATION, "duration", "the duration must be above 0, got "
                    + request.duration().get().toMillis() + " ms");
        }
        if (request.duration().isPresent() && request.duration().get().compareTo(LONGEST_DURATION) > 0) {
            throw BadRequestException.of(OPERATION, "duration", "the duration must be at most "
                    + LONGEST_DURATION.toDays() + " days, got " + request.duration().get().toDays() + " days");
        }
        if (request.duration().isEmpty() && ConfigKeys.REPEAT_NUM.get(master.config()) == Long.MAX_VALUE) {
            throw BadRequestException.of(OPERATION, "duration", "without a duration the run ends when every user has"
                    + " finished, but repeat_num is infinity, so none ever does: give a duration (--duration 60s),"
                    + " or set repeat_num (e.g. AMOC_REPEAT_NUM=10)");
        }
    }

    /** Sets each node's interarrival from the cluster-wide rate; returns the interarrival of the run. */
    private long interarrival(LoadTestRequest request) throws CommandException {
        if (request.rate().isEmpty()) {
            return ConfigKeys.INTERARRIVAL.get(master.config());
        }
        double rate = request.rate().getAsDouble();
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw BadRequestException.of(OPERATION, "rate", "the rate must be a number of users per second above 0,"
                    + " e.g. 50/s, got " + rate);
        }
        long nodes = request.target() == Target.LOCAL ? 1
                : master.slaves().nodes().stream().filter(NodeView::up).count();
        if (nodes == 0) {
            throw new NoSlavesException();
        }
        long millis = Math.round(MILLIS_PER_SECOND * nodes / rate);
        if (millis < 1) {
            throw BadRequestException.of(OPERATION, "rate", "a rate of " + rate + "/s is more than 1000 users/s on"
                    + " each of " + nodes + (nodes == 1 ? " node" : " nodes") + " (interarrival is whole"
                    + " milliseconds): at most " + nodes * 1000 + "/s, or leave the rate out and set interarrival 0"
                    + " to start every user at once");
        }
        master.settings().set(ConfigKeys.INTERARRIVAL.name(), millis);
        return millis;
    }

    /**
     * Gives the slaves the master's interarrival, repeat_interval and repeat_num where the master sets them in its
     * environment or file (values set with config.set travel with every start anyway): the run's pace and end are
     * then the ones this load test reasons about, whatever the slaves' own files say.
     */
    private void givePaceToSlaves() throws CommandException {
        master.slaves().nodes();   // connects config hosts, if no distributed operation did yet
        for (ConfigKey<?> key : List.of(ConfigKeys.INTERARRIVAL, ConfigKeys.REPEAT_INTERVAL, ConfigKeys.REPEAT_NUM)) {
            ConfigEntry entry = master.settings().get(key.name());
            if (entry.source() == ConfigSource.ENVIRONMENT || entry.source() == ConfigSource.FILE) {
                List<String> failed = master.slaves().push(key.name(), entry.value().orElseThrow());
                if (!failed.isEmpty()) {
                    throw new ConfigNotPushedException(key.name(), failed);
                }
            }
        }
    }

    /** A report that cannot be written is refused before the run, not after it. */
    private static void checkWritable(Path directory) throws ReportNotWrittenException {
        try {
            if (Files.exists(directory) && !Files.isDirectory(directory)) {
                throw new IOException("it is a file, not a directory");
            }
            Files.createDirectories(directory);
            if (!Files.isWritable(directory)) {
                throw new IOException("it is not writable");
            }
        } catch (IOException e) {
            throw new ReportNotWrittenException(directory, e);
        }
    }

    /**
     * Waits for the end, or until {@code duration} after the start ({@code start}, a {@link System#nanoTime}), or
     * until the interruption is requested, telling the listener every {@link #PROGRESS_EVERY}.
     */
    private RunWait awaitEnd(RunControl control, long start, Optional<Duration> duration,
                             LoadTestListener listener) throws CommandException, InterruptedException {
        while (true) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            Duration step = duration.map(d -> d.minus(elapsed)).filter(left -> left.compareTo(PROGRESS_EVERY) < 0)
                    .orElse(PROGRESS_EVERY);
            Optional<RunWait> waitedFor = awaitEndUnlessInterrupted(control, step);
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            if (waitedFor.isEmpty()) {
                interrupted = true;
                ClusterResult<NodeStatus> now = control.status();
                return new RunWait(RunWait.ended(now), now, waited);
            }
            RunWait wait = waitedFor.get();
            if (wait.ended() || duration.map(d -> waited.compareTo(d) >= 0).orElse(false)) {
                return new RunWait(wait.ended(), wait.statuses(), waited);
            }
            listener.running(waited, wait.statuses());
        }
    }

    /** The wait for the run's end, or empty when the interruption was requested before or during it. */
    private Optional<RunWait> awaitEndUnlessInterrupted(RunControl control, Duration step)
            throws CommandException, InterruptedException {
        if (!interruption.enter()) {
            return Optional.empty();
        }
        try {
            return Optional.of(control.awaitEnd(step));
        } catch (InterruptedException e) {
            if (!interruption.requested()) {
                throw e;
            }
            return Optional.empty();
        } finally {
            interruption.leave();
        }
    }

    /** Why the run did not reach its end, when it was interrupted. */
    private Optional<String> interruption(RunWait end) {
        String lasted = String.format(Locale.ROOT, "%.1f s", end.waited().toMillis() / MILLIS_PER_SECOND);
        return interrupted ? Optional.of("the run was interrupted after " + lasted + ", before its end: its figures"
                + " cover those " + lasted + " only") : Optional.empty();
    }

    /**
     * Why the run did not end cleanly, when users ignored the stop and still ran after {@code remove_grace_period}
     * (stragglers): they may still load the server, and the next start waits for them.
     */
    private static Optional<String> stragglers(ClusterResult<NodeStatus> afterStop) {
        Map<String, Long> byNode = afterStop.values().entrySet().stream().filter(e -> e.getValue().stragglers() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stragglers(), Long::sum,
                        LinkedHashMap::new));
        if (byNode.isEmpty()) {
            return Optional.empty();
        }
        long users = byNode.values().stream().mapToLong(Long::longValue).sum();
        String where = byNode.size() == 1 ? " on " + byNode.keySet().iterator().next()
                : byNode.entrySet().stream().map(e -> e.getValue() + " on " + e.getKey())
                .collect(Collectors.joining(", ", " (", ")"));
        return Optional.of("the run did not end cleanly: " + users + (users == 1 ? " user" : " users") + where
                + " ignored the stop and still ran after remove_grace_period: they ignore interruption"
                + " (status shows them as stragglers)");
    }

    /** Why the run was not carried out on every node, if it was not. */
    private static Optional<String> problem(ClusterResult<Void> started, ClusterResult<Void> stopped) {
        if (!started.allOk()) {
            return Optional.of("the run did not start on every node: " + reasons(started));
        }
        if (!stopped.allOk()) {
            return Optional.of("not every node took part to the end: " + reasons(stopped));
        }
        return Optional.empty();
    }

    private static String reasons(ClusterResult<Void> result) {
        return result.byNode().entrySet().stream().filter(e -> e.getValue() instanceof NodeResult.Failed<Void>)
                .map(e -> e.getKey() + ": " + ((NodeResult.Failed<Void>) e.getValue()).reason())
                .collect(Collectors.joining("; "));
    }
}
