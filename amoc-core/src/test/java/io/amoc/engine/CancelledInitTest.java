package io.amoc.engine;

import io.amoc.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.amoc.engine.Fixtures.await;
import static io.amoc.engine.Fixtures.bundle;
import static io.amoc.engine.Fixtures.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person gives up on a start whose init takes too long (Ctrl-C): the node is free again, whatever init does. */
class CancelledInitTest {

    private final NodeController node = new NodeController("local");

    @BeforeEach
    void freshConfig() {
        Fixtures.freshConfigForQuickUsers();
        Config.global().set("remove_grace_period", 0.2);
    }

    @AfterEach
    void releaseAndStop() {
        Config.global().set("release", true);
        node.stop();
    }

    @Test
    void cancellingAStartWhoseInitWaitsSaysItWasCancelledAndStartsNoUser() throws Exception {
        Starting starting = startOnItsOwnThread("InitWaitsUntilCancelled");
        await("init runs", () -> counter("inits") == 1);

        starting.thread.interrupt();

        Throwable error = starting.outcome.get(Fixtures.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        ScenarioInitException refused = assertInstanceOf(ScenarioInitException.class, error);
        assertEquals("InitWaitsUntilCancelled.init() was cancelled: no user started", refused.getMessage());
        assertTrue(starting.stillInterrupted.get(), "the caller's thread stays interrupted, so its front end can tell");
        assertEquals(NodeState.FAILED, node.status().state());
        assertEquals("failed(InitWaitsUntilCancelled.init() was cancelled: no user started)",
                node.status().stateLabel());
        assertEquals(0, counter("started"));
    }

    @Test
    void anInitThatIgnoresCancellingIsLeftBehindAfterTheGracePeriodAndANewRunMayStart() throws Exception {
        Starting starting = startOnItsOwnThread("InitIgnoresInterrupts");
        await("init runs", () -> counter("inits") == 1);

        starting.thread.interrupt();

        Throwable error = starting.outcome.get(Fixtures.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertInstanceOf(ScenarioInitException.class, error);
        assertEquals("InitIgnoresInterrupts.init() was cancelled but ignores interruption: its thread still runs"
                + " (restart amoc to end it); no user started", error.getMessage());
        assertEquals(0, counter("inits_ended"));

        node.start(bundle("SleepsForever"), Map.of());
        assertEquals(NodeState.RUNNING, node.status().state());
        assertEquals("SleepsForever", node.status().scenario());
    }

    /** A start on a thread of its own: what it threw (null when it returned), and whether it stayed interrupted. */
    private Starting startOnItsOwnThread(String scenario) {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread thread = Thread.ofPlatform().name("starts-" + scenario).start(() -> {
            try {
                node.start(bundle(scenario), Map.of());
                outcome.complete(null);
            } catch (Exception e) {
                stillInterrupted.set(Thread.currentThread().isInterrupted());
                outcome.complete(e);
            }
        });
        return new Starting(thread, outcome, stillInterrupted);
    }

    private record Starting(Thread thread, CompletableFuture<Throwable> outcome, AtomicBoolean stillInterrupted) {
    }
}
