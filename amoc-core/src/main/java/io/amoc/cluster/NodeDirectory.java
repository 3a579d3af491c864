package io.amoc.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * The master's members: the nodes in the order they were added (the round-robin order), their heartbeats, and
 * which of them are up. {@link #beatAll()} sends one round of beats; a node whose previous beat has not returned
 * gets no second one, so a hung node never piles up calls.
 */
public final class NodeDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(NodeDirectory.class);

    private final List<MonitoredNode> nodes = new CopyOnWriteArrayList<>();
    private final Set<String> beating = ConcurrentHashMap.newKeySet();
    private final HeartbeatMonitor monitor;
    private final Executor beats;
    private final List<NodeUpListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param interval the heartbeat interval (down after {@value HeartbeatMonitor#MISSED_BEATS_FOR_DOWN} of them)
     * @param clock    the clock for last-seen times
     * @param beats    runs each beat, and what is done when a node comes up (one virtual thread each in production;
     *                 the caller's thread in tests)
     */
    public NodeDirectory(Duration interval, Clock clock, Executor beats) {
        this.monitor = new HeartbeatMonitor(interval, clock);
        this.beats = beats;
    }

    public void addListener(NodeUpListener listener) {
        listeners.add(listener);
    }

    /**
     * Adds a node at the end of the order and beats it once on the caller's thread, so the node is up (or down,
     * with its problem) when this returns.
     */
    public NodeView add(MonitoredNode node) throws DuplicateNodeException {
        synchronized (this) {
            if (find(node.name()) != null) {
                throw new DuplicateNodeException(node.name());
            }
            nodes.add(node);
            monitor.track(node.name());
            beating.add(node.name());
        }
        beatNow(node);
        return view(node.name());
    }

    /**
     * Adds nodes at the end of the order, in the order given, and beats them all at once (so unreachable ones cost
     * one timeout in all, not one each); returns when every first beat has returned.
     */
    public List<NodeView> addAll(List<? extends MonitoredNode> added) throws DuplicateNodeException {
        synchronized (this) {
            java.util.Set<String> names = new java.util.HashSet<>();
            for (MonitoredNode node : added) {
                if (find(node.name()) != null || !names.add(node.name())) {
                    throw new DuplicateNodeException(node.name());
                }
            }
            for (MonitoredNode node : added) {
                nodes.add(node);
                monitor.track(node.name());
                beating.add(node.name());
            }
        }
        try (var firstBeats = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            added.forEach(node -> firstBeats.execute(() -> beatNow(node)));
        }
        return added.stream().map(node -> view(node.name())).toList();
    }

    /** What is known of one node (down with no history if it is not in the directory). */
    public NodeView view(String name) {
        return monitor.views().stream().filter(v -> v.node().equals(name)).findFirst()
                .orElse(new NodeView(name, Liveness.DOWN, java.util.Optional.empty(), java.util.Optional.empty(),
                        java.util.Optional.of("not connected")));
    }

    /** Beats one node now, on the caller's thread, and returns what is known of it then. */
    public NodeView beat(String name) throws UnknownNodeException {
        MonitoredNode node = find(name);
        if (node == null) {
            throw new UnknownNodeException(name, names());
        }
        beatNow(node);
        return view(name);
    }

    /** Removes a node; it gets no more beats and no more work. */
    public synchronized MonitoredNode remove(String name) throws UnknownNodeException {
        MonitoredNode node = find(name);
        if (node == null) {
            throw new UnknownNodeException(name, names());
        }
        nodes.remove(node);
        monitor.forget(name);
        return node;
    }

    /** Every node, up or down, in order. */
    public List<MonitoredNode> all() {
        return List.copyOf(nodes);
    }

    /** The nodes that are up, in order: the ones a cluster call goes to. */
    public List<NodeHandle> live() {
        return nodes.stream().filter(n -> monitor.liveness(n.name()) == Liveness.UP).map(n -> (NodeHandle) n).toList();
    }

    public List<String> names() {
        return nodes.stream().map(NodeHandle::name).toList();
    }

    /** What is known of each node, in order. */
    public List<NodeView> views() {
        return monitor.views();
    }

    public Liveness liveness(String name) {
        return monitor.liveness(name);
    }

    /** See {@link HeartbeatMonitor#wentSilent}: a call waiting for this node may give up. */
    public boolean wentSilent(String name) {
        return monitor.wentSilent(name);
    }

    /** Sends one beat to every node whose previous beat has returned. */
    public void beatAll() {
        nodes.forEach(this::beat);
    }

    private void beat(MonitoredNode node) {
        if (!beating.add(node.name())) {
            return;
        }
        try {
            beats.execute(() -> beatNow(node));
        } catch (RuntimeException rejected) {
            beating.remove(node.name());
            LOG.debug("heartbeat of {} not sent", node.name(), rejected);
        }
    }

    private void beatNow(MonitoredNode node) {
        try {
            var status = node.heartbeat();
            if (monitor.beatSucceeded(node.name(), status)) {
                LOG.info("node {} is up ({})", node.name(), status.stateLabel());
                cameUp(node, status);
            }
        } catch (NodeException e) {
            monitor.beatFailed(node.name(), e.getMessage());
        } catch (RuntimeException e) {
            monitor.beatFailed(node.name(), String.valueOf(e));
            LOG.warn("heartbeat of {} failed", node.name(), e);
        } finally {
            beating.remove(node.name());
        }
    }

    /**
     * Tells the listeners apart from the beat: catching a node up (installing a scenario, its init) must not hold
     * back the node's next heartbeats, or the node would look down, and its catch-up abandoned, while it works.
     */
    private void cameUp(MonitoredNode node, io.amoc.engine.NodeStatus status) {
        try {
            beats.execute(() -> listeners.forEach(l -> tell(l, node, status)));
        } catch (RuntimeException rejected) {
            LOG.debug("{} came up while the directory closes: not caught up", node.name(), rejected);
        }
    }

    private static void tell(NodeUpListener listener, MonitoredNode node, io.amoc.engine.NodeStatus status) {
        try {
            listener.cameUp(node, status);
        } catch (RuntimeException e) {
            LOG.warn("catching up {} after it came up failed", node.name(), e);
        }
    }

    private MonitoredNode find(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElse(null);
    }
}
