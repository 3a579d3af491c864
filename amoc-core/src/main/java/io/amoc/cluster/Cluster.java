package io.amoc.cluster;

import io.amoc.compile.ScenarioBundle;
import io.amoc.config.Config;
import io.amoc.engine.CurrentRun;
import io.amoc.engine.FailureGroup;
import io.amoc.engine.IdRange;
import io.amoc.engine.NodeRunInfo;
import io.amoc.engine.NodeStatus;
import io.amoc.engine.RemovalReport;
import io.amoc.metrics.MetricsSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The master's view of the nodes that run users. Local mode is a cluster of one node in this JVM; distributed mode a
 * cluster of slaves. Ids are given out cluster-wide and split round-robin ({@link IdDistribution}); every call
 * answers per node and never stops at the first failing node.
 */
public final class Cluster {

    private static final Logger LOG = LoggerFactory.getLogger(Cluster.class);

    private final Supplier<List<NodeHandle>> nodes;
    private final List<ClusterListener> listeners = new CopyOnWriteArrayList<>();
    private volatile ScenarioBundle running;
    private volatile String runId = "";
    private volatile long lastId;

    /** @param nodes the current node list, in order (the round-robin order) */
    public Cluster(Supplier<List<NodeHandle>> nodes) {
        this.nodes = nodes;
    }

    public void addListener(ClusterListener listener) {
        listeners.add(listener);
    }

    /** Highest id ever given out in this run (0 before the first). */
    public long lastId() {
        return lastId;
    }

    /** The id of the current (or last) run: every start gives one, pushed to the nodes with it ("" before the first). */
    public String runId() {
        return runId;
    }

    /**
     * What a node gets with the start of the current run: the run-time config values and the run's id (also for a
     * node that joins the run later).
     */
    public Map<String, Object> runSettings() {
        Map<String, Object> settings = new HashMap<>(Config.global().runtimeValues());
        settings.put(CurrentRun.ID_SETTING, runId);
        return settings;
    }

    /** The names of the nodes, in order. */
    public List<String> nodeNames() {
        return nodes.get().stream().map(NodeHandle::name).toList();
    }

    /** The scenario of the current run, if one runs. */
    public Optional<ScenarioBundle> running() {
        return Optional.ofNullable(running);
    }

    /** Ships the bundle to each selected node, runs its {@code init} there, then splits {@code from..to} over them. */
    public synchronized ClusterResult<Void> start(ScenarioBundle bundle, long from, long to, RunOptions options) {
        if (from < 1 || to < from - 1) {
            throw new IllegalIdRangeException("ids run from 1 upwards and 'to' may not be below 'from': "
                    + from + ".." + to);
        }
        NodeSelection selection = NodeSelection.of(nodes.get(), options);
        runId = CurrentRun.newId();
        Map<String, Object> settings = runSettings();
        ClusterResult<Void> started = NodeCalls.each(selection.handles(), node -> {
            node.start(bundle, settings);
            return null;
        });
        List<NodeHandle> up = selection.handles().stream().filter(n -> started.byNode().get(n.name()).ok()).toList();
        if (!up.isEmpty()) {
            running = bundle;
            lastId = to;
        }
        ClusterResult<IdRange> added = addTo(up, from, to).result();
        Map<String, NodeResult<Void>> results = new LinkedHashMap<>(selection.unknown());
        started.byNode().forEach((node, result) -> results.put(node, result.ok() ? asVoid(added.byNode().get(node)) : result));
        if (!up.isEmpty()) {
            notify(l -> l.started(bundle.scenarioName(), options.comment(), from, to, up.size()));
        }
        return new ClusterResult<>(results);
    }

    /** Adds {@code count} users in all, continuing the cluster-wide ids, split round-robin over the selected nodes. */
    public synchronized ClusterResult<IdRange> add(long count, RunOptions options) {
        if (count < 1) {
            throw new IllegalIdRangeException("the number of users to add must be at least 1, not " + count);
        }
        NodeSelection selection = NodeSelection.of(nodes.get(), options);
        long from = lastId + 1;
        long to = lastId + count;
        Added attempt = addTo(selection.handles(), from, to);
        ClusterResult<IdRange> added = attempt.result();
        if (attempt.idsMayBeInUse()) {
            lastId = to;
        }
        if (added.byNode().values().stream().anyMatch(NodeResult::ok)) {
            ScenarioBundle scenario = running;
            String name = scenario == null ? "" : scenario.scenarioName();
            notify(l -> l.added(name, from, to, selection.handles().size()));
        }
        return selection.withUnknown(added);
    }

    /**
     * What an add did, and whether its ids may be in use now: some node took them, or did not answer in time and may
     * still take them (so they are never given out again).
     */
    private record Added(ClusterResult<IdRange> result, boolean idsMayBeInUse) {
    }

    private static Added addTo(List<NodeHandle> targets, long from, long to) {
        if (targets.isEmpty()) {
            return new Added(new ClusterResult<>(Map.of()), false);
        }
        List<IdRange> ranges = IdDistribution.split(from, to, targets.size());
        List<NodeHandle> ordered = new ArrayList<>(targets);
        AtomicBoolean unanswered = new AtomicBoolean();
        ClusterResult<IdRange> result = NodeCalls.each(ordered, node -> {
            IdRange ids = ranges.get(ordered.indexOf(node));
            try {
                if (!ids.isEmpty()) {
                    node.addUsers(ids);
                }
                return ids;
            } catch (NodeUnreachableException | CallCancelledException unknownOutcome) {
                unanswered.set(true);
                throw unknownOutcome;
            }
        });
        boolean taken = result.byNode().values().stream().anyMatch(NodeResult::ok);
        return new Added(result, taken || unanswered.get());
    }

    /** Removes the {@code count} highest ids among the selected nodes' live users. */
    public synchronized ClusterResult<RemovalReport> remove(long count, boolean force, RunOptions options) {
        if (count < 1) {
            throw new IllegalIdRangeException("the number of users to remove must be at least 1, not " + count);
        }
        NodeSelection selection = NodeSelection.of(nodes.get(), options);
        int perNode = (int) Math.min(count, Integer.MAX_VALUE);
        ClusterResult<long[]> live = NodeCalls.each(selection.handles(), node -> node.highestLiveIds(perNode));
        Map<String, long[]> chosen = HighestIds.choose(live.values(), count);
        ClusterResult<RemovalReport> removed = NodeCalls.each(selection.handles(), node -> {
            NodeResult<long[]> ids = live.byNode().get(node.name());
            if (ids instanceof NodeResult.Failed<long[]> failed) {
                throw new NodeException(node.name(), failed.reason(), null);
            }
            long[] mine = chosen.getOrDefault(node.name(), new long[0]);
            return mine.length == 0 ? new RemovalReport(List.of(), List.of()) : node.removeUsers(mine, force);
        });
        long total = removed.values().values().stream().mapToLong(r -> r.removed().size()).sum();
        ScenarioBundle scenario = running;
        String name = scenario == null ? "" : scenario.scenarioName();
        notify(l -> l.removed(name, total, force, selection.handles().size()));
        return selection.withUnknown(removed);
    }

    /** Drains the run on every node before its stop: users send no more stamped messages. */
    public ClusterResult<Void> drain() {
        return NodeCalls.each(nodes.get(), node -> {
            node.drain();
            return null;
        });
    }

    /** Stops the run on every node: users end, {@code terminate} runs once per node. */
    public synchronized ClusterResult<Void> stop() {
        List<NodeHandle> all = nodes.get();
        ClusterResult<Void> stopped = NodeCalls.each(all, node -> {
            node.stop();
            return null;
        });
        ScenarioBundle ended = running;
        running = null;
        if (ended != null) {
            notify(l -> l.stopped(ended.scenarioName(), all.size()));
        }
        return stopped;
    }

    /** Every node's status (no lock: answers while other commands run). */
    public ClusterResult<NodeStatus> status() {
        return NodeCalls.each(nodes.get(), NodeHandle::status);
    }

    public ClusterResult<MetricsSnapshot> metrics() {
        return NodeCalls.each(nodes.get(), NodeHandle::metrics);
    }

    /** The last {@code count} lines each selected node logged (no lock: answers while other commands run). */
    public ClusterResult<List<String>> recentLogLines(int count, RunOptions options) {
        NodeSelection selection = NodeSelection.of(nodes.get(), options);
        return selection.withUnknown(NodeCalls.each(selection.handles(), node -> node.recentLogLines(count)));
    }

    /** Every node's failed users, grouped by cause (no lock: answers while other commands run). */
    public ClusterResult<List<FailureGroup>> failures() {
        return NodeCalls.each(nodes.get(), NodeHandle::failures);
    }

    /** Every node's Java and amoc version and its overloaded spells during the current (or last) run. */
    public ClusterResult<NodeRunInfo> runInfo() {
        return NodeCalls.each(nodes.get(), NodeHandle::runInfo);
    }

    /** Sets a run-time config value on every node. */
    public synchronized ClusterResult<Void> setConfig(String key, Object value) {
        return NodeCalls.each(nodes.get(), node -> {
            node.setConfig(key, value);
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private static NodeResult<Void> asVoid(NodeResult<IdRange> result) {
        return result instanceof NodeResult.Failed<IdRange> failed
                ? new NodeResult.Failed<>(failed.reason())
                : new NodeResult.Ok<>(null);
    }

    private void notify(Consumer<ClusterListener> event) {
        for (ClusterListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("a cluster listener failed: {}", e.toString());
            }
        }
    }
}
