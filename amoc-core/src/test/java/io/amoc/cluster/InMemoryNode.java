package io.amoc.cluster;

import io.amoc.compile.ScenarioBundle;
import io.amoc.engine.FailureGroup;
import io.amoc.engine.IdRange;
import io.amoc.engine.NodeState;
import io.amoc.engine.NodeStatus;
import io.amoc.engine.RemovalReport;
import io.amoc.metrics.MetricsSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A node that keeps its users as ids in memory, for testing the master's logic; or one that is down. */
public final class InMemoryNode implements NodeHandle {

    private final String name;
    private volatile boolean down;
    final List<IdRange> added = new ArrayList<>();
    final TreeSet<Long> live = new TreeSet<>();
    final List<Long> removed = new ArrayList<>();
    ScenarioBundle bundle;
    Map<String, Object> settings;
    /** Values set with setConfig, in order. */
    public final List<String> configured = new ArrayList<>();
    /** How many times drain() was called. */
    public int drains;
    /** What metrics() answers as counters. */
    public final Map<String, Long> counters = new java.util.concurrent.ConcurrentHashMap<>();
    /** What drain() does besides counting (e.g. messages in flight arriving). */
    public volatile Runnable onDrain = () -> { };
    /** What failures() answers. */
    public final List<FailureGroup> failures = new ArrayList<>();
    /** What its status says it stopped on its own, if anything. */
    public volatile io.amoc.engine.UsersDropped dropped;
    /** The overloaded spells runInfo() answers. */
    public final List<io.amoc.health.OverloadSpell> overloaded = new ArrayList<>();

    private InMemoryNode(String name, boolean down) {
        this.name = name;
        this.down = down;
    }

    public static InMemoryNode up(String name) {
        return new InMemoryNode(name, false);
    }

    public static InMemoryNode down(String name) {
        return new InMemoryNode(name, true);
    }

    private void answer() throws NodeUnreachableException {
        if (down) {
            throw new NodeUnreachableException(name, new java.net.ConnectException("Connection refused"));
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void start(ScenarioBundle bundle, Map<String, Object> settings) throws NodeException {
        answer();
        this.bundle = bundle;
        this.settings = settings;
    }

    @Override
    public synchronized void addUsers(IdRange ids) throws NodeException {
        answer();
        added.add(ids);
        ids.ids().forEach(live::add);
    }

    @Override
    public synchronized long[] highestLiveIds(int count) throws NodeException {
        answer();
        return live.descendingSet().stream().limit(count).mapToLong(Long::longValue).toArray();
    }

    @Override
    public synchronized RemovalReport removeUsers(long[] ids, boolean force) throws NodeException {
        answer();
        List<Long> gone = new ArrayList<>();
        for (long id : ids) {
            if (live.remove(id)) {
                gone.add(id);
                removed.add(id);
            }
        }
        return new RemovalReport(gone, List.of());
    }

    @Override
    public synchronized void drain() throws NodeException {
        answer();
        drains++;
        onDrain.run();
    }

    @Override
    public synchronized void stop() throws NodeException {
        answer();
        live.clear();
    }

    @Override
    public synchronized NodeStatus status() throws NodeException {
        answer();
        return new NodeStatus(name, NodeState.RUNNING, null, "S", "sha", live.size(),
                live.isEmpty() ? 0 : live.last(), 0, live.size(), 0, 0, dropped, null);
    }

    @Override
    public MetricsSnapshot metrics() throws NodeException {
        answer();
        return new MetricsSnapshot(name, 0, live.size(), Map.copyOf(counters), Map.of(), Map.of());
    }

    @Override
    public synchronized void setConfig(String key, Object value) throws NodeException {
        answer();
        configured.add(key + "=" + value);
    }

    @Override
    public synchronized List<FailureGroup> failures() throws NodeException {
        answer();
        return List.copyOf(failures);
    }

    @Override
    public synchronized io.amoc.engine.NodeRunInfo runInfo() throws NodeException {
        answer();
        return new io.amoc.engine.NodeRunInfo("21 (in memory)", "test", overloaded);
    }

    /** From now on the node answers nothing, as a slave that died. */
    public void goDown() {
        down = true;
    }

    /** True when this node answers nothing. */
    public boolean isDown() {
        return down;
    }

    /** The ids of its live users, lowest first. */
    public synchronized List<Long> liveIds() {
        return List.copyOf(live);
    }

    /** The scenario it was last started with, if any. */
    public synchronized ScenarioBundle bundle() {
        return bundle;
    }

    /** Every id this node was given, in order. */
    public List<Long> allIds() {
        return added.stream().flatMap(r -> r.ids().boxed()).toList();
    }
}
