package io.amoc.engine;

import io.amoc.compile.ScenarioBundle;
import io.amoc.config.Config;
import io.amoc.health.GeneratorHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One node's engine: the scenario state, the users and the spawn loop. Local mode calls it directly;
 * a slave's RMI server calls the same methods. Every method returns promptly (a forced removal or a stop waits
 * at most the grace period); spawning runs in the background. {@link #status()} takes no lock.
 */
public final class NodeController {

    private static final Logger LOG = LoggerFactory.getLogger(NodeController.class);

    private final String name;
    private final GeneratorHealth health;
    private final OutOfMemoryResponse outOfMemory = new OutOfMemoryResponse(this);
    private final Object lifecycle = new Object();
    private volatile NodeState state = NodeState.IDLE;
    private volatile String failureReason;
    private volatile ScenarioBundle bundle;
    private volatile Run run;
    private volatile UsersDropped dropped;

    /** A node whose load generator is not watched (its status never says overloaded). */
    public NodeController(String name) {
        this(name, null);
    }

    /** A node whose status and runs tell when {@code health} finds the load generator overloaded. */
    public NodeController(String name, GeneratorHealth health) {
        this.name = name;
        this.health = health;
    }

    public String name() {
        return name;
    }

    /**
     * Loads the scenario in a fresh class loader, applies settings, runs {@code init}; the node is then running. The
     * settings may carry the run's id under {@link CurrentRun#ID_SETTING} (the master gives each run one); without it
     * the node makes one of its own. Users of the last run that are still alive (stragglers) are stopped again first,
     * and waited for up to {@code remove_grace_period}: the run does not start while they live.
     */
    public void start(ScenarioBundle bundle, Map<String, Object> settings)
            throws ScenarioAlreadyRunningException, ScenarioInitException, StragglersStillAliveException {
        synchronized (lifecycle) {
            if (state == NodeState.RUNNING || state == NodeState.TERMINATING) {
                throw new ScenarioAlreadyRunningException(name, this.bundle.scenarioName());
            }
            awaitStragglers();
            Object runId = settings.get(CurrentRun.ID_SETTING);
            settings.forEach((key, value) -> {
                if (!key.equals(CurrentRun.ID_SETTING)) {
                    Config.global().set(key, value);
                }
            });
            ScenarioInvoker invoker;
            Object scenarioState;
            try {
                invoker = ScenarioInvoker.load(bundle);
                scenarioState = init(bundle, invoker);
            } catch (ScenarioInitException e) {
                fail(bundle, e.getMessage());
                throw e;
            }
            CurrentRun id = new CurrentRun(runId == null ? CurrentRun.newId() : runId.toString());
            Run started = new Run(name, bundle, invoker, scenarioState, id, outOfMemory::outOfMemory);
            this.bundle = bundle;
            this.run = started;
            this.failureReason = null;
            this.state = NodeState.RUNNING;
            started.failures().startReporting();
            started.spawner().begin();
            LOG.info("{}: scenario {} ({}) running", name, bundle.scenarioName(), bundle.sha256());
        }
    }

    private void awaitStragglers() throws StragglersStillAliveException {
        Run last = run;
        if (last == null || last.pool().alive() == 0) {
            return;
        }
        List<Long> stillAlive = last.pool().stopAll(EngineSettings.removeGracePeriodMillis());
        if (!stillAlive.isEmpty()) {
            throw new StragglersStillAliveException(name, last.bundle().scenarioName(), stillAlive);
        }
    }

    /**
     * Runs {@code init} on a thread of its own: a caller interrupted meanwhile (Ctrl-C) gets its answer within
     * {@code remove_grace_period}, even from an init that ignores interruption, and the node may start again.
     */
    private Object init(ScenarioBundle bundle, ScenarioInvoker invoker) throws ScenarioInitException {
        try {
            return AbandonableCall.call("amoc-init-" + bundle.scenarioName(), invoker::init,
                    EngineSettings.removeGracePeriodMillis());
        } catch (AbandonableCall.Cancelled e) {
            throw ScenarioInitException.cancelled(bundle.scenarioName(), e.stillRunning());
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            throw new ScenarioInitException(bundle.scenarioName(), e);
        } catch (OutOfMemoryError e) {
            outOfMemory.outOfMemory(e);
            throw new ScenarioInitException(bundle.scenarioName(), e);
        }
    }

    /**
     * What this node does when it runs out of memory (a user's {@code start}, its {@code init}, or, once
     * {@link OutOfMemoryResponse#watchEveryThread} is on, any thread): it stops its users and fails with the reason.
     */
    public OutOfMemoryResponse outOfMemoryResponse() {
        return outOfMemory;
    }

    /** Marks the node failed with {@code reason} and returns the run whose users are to be stopped, if any. */
    Run failFatally(String reason) {
        this.failureReason = reason;
        this.state = NodeState.FAILED;
        return run;
    }

    String scenarioName() {
        ScenarioBundle shown = bundle;
        return shown == null ? null : shown.scenarioName();
    }

    private void fail(ScenarioBundle failed, String reason) {
        this.bundle = failed;
        this.run = null;
        this.failureReason = reason;
        this.state = NodeState.FAILED;
        LOG.warn("{}: {}", name, reason);
    }

    /** Queues users with these ids for the spawn loop; ids must lie above every id given out in this run. */
    public void addUsers(IdRange ids) throws NoScenarioRunningException {
        synchronized (lifecycle) {
            Run current = run;
            if (state != NodeState.RUNNING || current == null) {
                throw new NoScenarioRunningException(name);
            }
            if (ids.isEmpty()) {
                return;
            }
            if (ids.first() <= current.highestGivenOut()) {
                throw new UserIdsReusedException(name, ids, current.highestGivenOut());
            }
            current.gaveOut(ids.highest());
            current.spawner().enqueue(ids);
        }
    }

    /**
     * Up to {@code count} of the highest ids of this run's users, highest first: users asked for and not started
     * yet (the highest of all), then live users not being removed.
     */
    public long[] highestLiveIds(int count) {
        Run current = run;
        if (current == null || state != NodeState.RUNNING || count <= 0) {
            return new long[0];
        }
        return current.spawner().highestIds(count, current.pool()::highestLiveIds);
    }

    /**
     * Stops these users: gently (each finishes its current {@code start} and does not repeat) or forced (interrupted
     * now; users still alive after {@code remove_grace_period} seconds are reported as stragglers). Ids still
     * waiting in the spawn queue are dropped from it and never start.
     */
    public RemovalReport removeUsers(long[] ids, boolean force) {
        Run current = run;
        if (current == null || state != NodeState.RUNNING) {
            return new RemovalReport(List.of(), List.of());
        }
        List<Long> cancelled = current.spawner().cancel(ids);
        long[] started = cancelled.isEmpty() ? ids : without(ids, cancelled);
        RemovalReport report = current.pool().remove(started, force, EngineSettings.removeGracePeriodMillis());
        if (!report.stragglers().isEmpty()) {
            LOG.warn("{}: {} removed users still alive after the grace period", name, report.stragglers().size());
        }
        if (cancelled.isEmpty()) {
            return report;
        }
        List<Long> removed = new ArrayList<>(cancelled);
        removed.addAll(report.removed());
        return new RemovalReport(removed, report.stragglers());
    }

    private static long[] without(long[] ids, List<Long> dropped) {
        Set<Long> gone = new HashSet<>(dropped);
        return Arrays.stream(ids).filter(id -> !gone.contains(id)).toArray();
    }

    /**
     * Stops all users (forced), calls {@code terminate} once; the node is then finished. Does nothing when idle.
     * Users still alive after the grace period stay as stragglers (see {@link NodeStatus#stragglers()}).
     *
     * @return when {@code terminate} threw, the node's one-line answer saying so ({@code stopped, but
     *         Name.terminate() failed: ...}; the node is then failed with that reason), for its front ends to show
     */
    public Optional<String> stop() {
        synchronized (lifecycle) {
            dropped = null;
            Run current = run;
            if (state != NodeState.RUNNING || current == null) {
                return Optional.empty();
            }
            state = NodeState.TERMINATING;
            current.spawner().close();
            List<Long> stragglers = current.pool().stopAll(EngineSettings.removeGracePeriodMillis());
            if (!stragglers.isEmpty()) {
                LOG.warn("{}: {} users still alive after the grace period of stop", name, stragglers.size());
            }
            current.failures().stopReporting();
            current.stopped();
            return terminate(current).map(reason -> "stopped, but " + reason);
        }
    }

    /**
     * Drains the running scenario before its stop: from now on its users send no more stamped messages (those in
     * flight still arrive and are counted). Does nothing when no scenario runs.
     */
    public void drain() {
        Run current = run;
        if (current != null && state == NodeState.RUNNING) {
            current.current().drain();
        }
    }

    /**
     * Stops the run's users on the node's own account, outside any command (a slave whose master fell silent), as
     * {@link #stop()} does, and says so in its status ({@link NodeStatus#dropped()}) until a master stops a run here.
     */
    public void stopOnItsOwn(String reason) {
        synchronized (lifecycle) {
            Run current = run;
            if (state != NodeState.RUNNING || current == null) {
                return;
            }
            long users = current.pool().alive();
            stop();
            dropped = new UsersDropped(System.currentTimeMillis(), users, current.bundle().scenarioName(), reason);
            LOG.warn("{}: stopped its {} users of {}: {}", name, users, current.bundle().scenarioName(), reason);
        }
    }

    /** The users of the current (or last) run that failed, grouped by cause, the largest group first. */
    public List<FailureGroup> failures() {
        Run current = run;
        return current == null ? List.of() : current.failures().groups();
    }

    /** This node's Java and amoc version, and when its generator was overloaded during the current (or last) run. */
    public NodeRunInfo runInfo() {
        Run current = run;
        return NodeRunInfo.ofThisJvm(health == null || current == null ? List.of()
                : health.spellsBetween(current.startedMillis(), current.stoppedMillis()));
    }

    /** Calls {@code terminate}: the node is finished, or failed with the reason returned. */
    private Optional<String> terminate(Run current) {
        try {
            current.invoker().terminate(current.state());
            state = NodeState.FINISHED;
            LOG.info("{}: scenario {} finished", name, current.bundle().scenarioName());
            return Optional.empty();
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            failureReason = current.bundle().scenarioName() + ".terminate() failed: " + e;
            state = NodeState.FAILED;
            LOG.warn("{}: {}", name, failureReason, e);
            return Optional.of(failureReason);
        }
    }

    /** The node's state and counts; cheap (counters only, no lock). */
    public NodeStatus status() {
        NodeState now = state;
        ScenarioBundle shown = bundle;
        Run current = run;
        SpawnQueue.Progress progress = current == null ? SpawnQueue.Progress.NONE : current.spawner().progress();
        return new NodeStatus(name, now, now == NodeState.FAILED ? failureReason : null,
                shown == null ? null : shown.scenarioName(), shown == null ? null : shown.sha256(),
                current == null ? 0 : current.pool().alive(),
                current == null ? 0 : current.highestGivenOut(),
                current == null ? 0 : current.pool().failures(),
                progress.spawned(), progress.pending(),
                current == null ? 0 : current.pool().stragglers(), dropped,
                health == null ? null : health.overloaded().orElse(null));
    }
}
