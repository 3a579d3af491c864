package io.amoc.engine;

import io.amoc.compile.ScenarioBundle;

/** One run of a scenario on a node: from {@code start} to {@code stop}. */
final class Run {

    private final ScenarioBundle bundle;
    private final ScenarioInvoker invoker;
    private final Object state;
    private final UserPool pool;
    private final SpawnLoop spawner;
    private final FailureGroups failures;
    private final CurrentRun id;
    private final long startedMillis = System.currentTimeMillis();
    private volatile long stoppedMillis = -1;
    private volatile long highestGivenOut;

    Run(String node, ScenarioBundle bundle, ScenarioInvoker invoker, Object state, CurrentRun id,
        java.util.function.Consumer<OutOfMemoryError> onOutOfMemory) {
        this.bundle = bundle;
        this.id = id;
        this.invoker = invoker;
        this.state = state;
        this.failures = new FailureGroups(bundle.scenarioName(), bundle.classBytes().keySet(), System::currentTimeMillis);
        this.pool = new UserPool(bundle.scenarioName(), invoker, state, id, failures, onOutOfMemory);
        this.spawner = new SpawnLoop(node, pool, invoker.loader());
    }

    ScenarioBundle bundle() {
        return bundle;
    }

    ScenarioInvoker invoker() {
        return invoker;
    }

    Object state() {
        return state;
    }

    UserPool pool() {
        return pool;
    }

    SpawnLoop spawner() {
        return spawner;
    }

    /** The run's id and draining flag, as its users see them. */
    CurrentRun current() {
        return id;
    }

    FailureGroups failures() {
        return failures;
    }

    /** When the run started on this node (epoch ms). */
    long startedMillis() {
        return startedMillis;
    }

    /** When it was stopped (epoch ms), or -1 while it runs. */
    long stoppedMillis() {
        return stoppedMillis;
    }

    void stopped() {
        stoppedMillis = System.currentTimeMillis();
    }

    long highestGivenOut() {
        return highestGivenOut;
    }

    void gaveOut(long highest) {
        highestGivenOut = highest;
    }
}
