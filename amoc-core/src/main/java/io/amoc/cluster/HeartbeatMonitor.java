package io.amoc.cluster;

import io.amoc.engine.NodeStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Up or down, from heartbeats and a clock: a node is up once a beat succeeds, and down when no beat has succeeded
 * for {@value #MISSED_BEATS_FOR_DOWN} intervals (whether the beats failed or hang). It comes back up by itself at the
 * next successful beat. Pure bookkeeping: the caller sends the beats.
 */
public final class HeartbeatMonitor {

    /** Beats missed in a row after which a node is down. */
    public static final int MISSED_BEATS_FOR_DOWN = 3;

    private final Duration downAfter;
    private final Clock clock;
    private final Map<String, Record> records = new LinkedHashMap<>();

    public HeartbeatMonitor(Duration interval, Clock clock) {
        this.downAfter = interval.multipliedBy(MISSED_BEATS_FOR_DOWN);
        this.clock = clock;
    }

    /** Starts watching a node (down until its first beat succeeds). */
    public synchronized void track(String node) {
        records.putIfAbsent(node, new Record());
    }

    public synchronized void forget(String node) {
        records.remove(node);
    }

    /**
     * Records a successful beat.
     *
     * @return true when the node was down (or new) and is up now
     */
    public synchronized boolean beatSucceeded(String node, NodeStatus status) {
        Record record = records.get(node);
        if (record == null) {
            return false;
        }
        boolean cameUp = liveness(record) == Liveness.DOWN;
        record.lastSeen = clock.instant();
        record.lastStatus = status;
        record.problem = null;
        return cameUp;
    }

    /**
     * Records a failed beat and why. When the node's last answer was {@code failed(reason)} (a slave that ran out of
     * memory says so before it exits), the reason stays in the problem: it is why the node went away.
     */
    public synchronized void beatFailed(String node, String problem) {
        Record record = records.get(node);
        if (record != null) {
            NodeStatus last = record.lastStatus;
            record.problem = last != null && last.state() == io.amoc.engine.NodeState.FAILED
                    ? problem + "; its last answer was " + last.stateLabel() : problem;
        }
    }

    /**
     * True when the node answered a beat once and has not answered one since for the down threshold: a call still
     * waiting for it is waiting for a node that is down. False for a node never seen or not watched.
     */
    public synchronized boolean wentSilent(String node) {
        Record record = records.get(node);
        return record != null && record.lastSeen != null && liveness(record) == Liveness.DOWN;
    }

    public synchronized Liveness liveness(String node) {
        Record record = records.get(node);
        return record == null ? Liveness.DOWN : liveness(record);
    }

    /** Every watched node, in the order they were tracked. */
    public synchronized List<NodeView> views() {
        List<NodeView> views = new ArrayList<>();
        records.forEach((node, r) -> views.add(new NodeView(node, liveness(r), Optional.ofNullable(r.lastSeen),
                Optional.ofNullable(r.lastStatus), Optional.ofNullable(r.problem))));
        return views;
    }

    private Liveness liveness(Record record) {
        if (record.lastSeen == null) {
            return Liveness.DOWN;
        }
        return Duration.between(record.lastSeen, clock.instant()).compareTo(downAfter) > 0 ? Liveness.DOWN : Liveness.UP;
    }

    private static final class Record {
        private Instant lastSeen;
        private NodeStatus lastStatus;
        private String problem;
    }
}
