package io.amoc.command;

import io.amoc.cluster.Cluster;
import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.RunOptions;
import io.amoc.compile.ScenarioBundle;
import io.amoc.compile.ScenarioCatalog;
import io.amoc.compile.ScenarioCompileException;
import io.amoc.compile.UnknownScenarioException;
import io.amoc.engine.IdRange;
import io.amoc.engine.NodeStatus;
import io.amoc.engine.RemovalReport;
import io.amoc.logs.RecentLines;
import io.amoc.metrics.MergedMetrics;
import io.amoc.metrics.MetricsSnapshot;


import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The operations on one target's users, the same for {@code local} and {@code dist}: start, add, remove, stop, status
 * and metrics. Every request is checked here, once, with the same words for both targets; every answer is per node,
 * down nodes named. A stop returns the summary of the run it ends.
 *
 * <p>Thread-safe. Start, add, remove and stop of one target run one at a time (a slow slave holds up only its own
 * target's changes, up to {@code rmi_read_timeout}); status and metrics never wait for them.
 */
public final class RunControl {

    /** More users than this in one command is refused as a typo (a node holds around 100,000). */
    public static final long MAX_USERS_PER_COMMAND = 10_000_000;

    private final Target target;
    private final RunNodes nodes;
    private final ScenarioCatalog catalog;
    private final LongSupplier clockMillis;
    private Baseline baseline;

    /** The metrics when the run started, for its summary. */
    private record Baseline(MetricsSnapshot metrics, long startedAtMillis) {
    }

    RunControl(Target target, RunNodes nodes, ScenarioCatalog catalog, LongSupplier clockMillis) {
        this.target = target;
        this.nodes = nodes;
        this.catalog = catalog;
        this.clockMillis = clockMillis;
    }

    public Target target() {
        return target;
    }

    /**
     * Compiles the scenario (if it changed), ships it to each addressed node, runs its {@code init} there, then
     * starts users {@code from..to} split round-robin; spawning goes on in the background.
     */
    public synchronized RunStarted start(StartRequest request)
            throws CommandException, UnknownScenarioException, ScenarioCompileException {
        String operation = target.operation("do");
        positive(operation, "from", "From", request.from());
        if (request.to() < request.from()) {
            throw BadRequestException.of(operation, "to", "To (" + request.to() + ") is below From (" + request.from()
                    + "): users get the ids From..To, e.g. " + operation + "(" + request.scenario() + ", 1, 10)");
        }
        notTooMany(operation, "to", request.to() - request.from() + 1);
        Cluster cluster = nodes.cluster();
        ScenarioBundle bundle = catalog.bundle(request.scenario());
        MetricsSnapshot before = metricsOf(cluster);
        RunOptions options = request.options();
        ClusterResult<Void> started = nodes.complete(cluster.start(bundle, request.from(), request.to(), options),
                options);
        if (started.byNode().values().stream().anyMatch(io.amoc.cluster.NodeResult::ok)) {
            baseline = new Baseline(before, clockMillis.getAsLong());
        }
        return new RunStarted(bundle.scenarioName(), bundle.className(), bundle.sha256(), request.from(), request.to(),
                started);
    }

    /** Adds users after the highest id given out in this run; each node's answer is the ids it got. */
    public synchronized ClusterResult<IdRange> add(AddRequest request) throws CommandException {
        String operation = target.operation("add");
        positive(operation, "count", "Count", request.count());
        notTooMany(operation, "count", request.count());
        RunOptions options = request.options();
        return nodes.complete(nodes.cluster().add(request.count(), options), options);
    }

    /** Removes the highest-id live users; each node's answer is the ids it removed and those still alive. */
    public synchronized ClusterResult<RemovalReport> remove(RemoveRequest request) throws CommandException {
        String operation = target.operation("remove");
        positive(operation, "count", "Count", request.count());
        notTooMany(operation, "count", request.count());
        RunOptions options = request.options();
        return nodes.complete(nodes.cluster().remove(request.count(), request.force(), options), options);
    }

    /** Stops every user, runs {@code terminate} once per node, and sums up the run when every node stopped. */
    public synchronized RunStopped stop() throws CommandException {
        Cluster cluster = nodes.cluster();
        Baseline start = baseline;
        Optional<MetricsSnapshot> atStop = start == null ? Optional.empty() : Optional.of(metricsOf(cluster));
        ClusterResult<Void> stopped = nodes.complete(cluster.stop(), RunOptions.all());
        if (!stopped.allOk() || atStop.isEmpty()) {
            return new RunStopped(stopped, Optional.empty());
        }
        baseline = null;
        Duration elapsed = Duration.ofMillis(clockMillis.getAsLong() - start.startedAtMillis());
        return new RunStopped(stopped, Optional.of(new RunSummary(MergedMetrics.since(start.metrics(), atStop.get()),
                elapsed)));
    }

    /** Each node's state, scenario, users and failures. */
    public ClusterResult<NodeStatus> status() throws CommandException {
        return nodes.complete(nodes.cluster().status(), RunOptions.all());
    }

    /** The nodes' metrics now, merged. */
    public ClusterMetrics metrics() throws CommandException {
        return ClusterMetrics.of(nodes.complete(nodes.cluster().metrics(), RunOptions.all()));
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
        return Failures.of(nodes.complete(nodes.cluster().failures(), RunOptions.all()));
    }

    /** The scenario running on this target, if one is. */
    public Optional<ScenarioBundle> running() {
        return nodes.ifStarted().flatMap(Cluster::running);
    }

    private static MetricsSnapshot metricsOf(Cluster cluster) {
        return ClusterMetrics.of(cluster.metrics()).snapshot();
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
