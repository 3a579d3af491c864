package io.amoc.cluster;

import io.amoc.config.Config;
import io.amoc.engine.Fixtures;
import io.amoc.engine.NodeController;
import io.amoc.engine.NodeState;
import io.amoc.engine.NodeStatus;
import io.amoc.engine.RemovalReport;
import io.amoc.engine.ScenarioAlreadyRunningException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.amoc.engine.Fixtures.await;
import static io.amoc.engine.Fixtures.bundle;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Local mode: a cluster of one node in this JVM, running real users of real fixture scenarios. */
class LocalModeTest {

    private final NodeController controller = new NodeController("local");
    private final Cluster cluster = new Cluster(() -> List.of(new LocalNodeHandle(controller)));

    @BeforeEach
    void freshConfig() {
        Fixtures.freshConfigAndMetrics();
        Config.global().set("interarrival", 0L);
    }

    @AfterEach
    void stop() {
        cluster.stop();
    }

    private NodeStatus status() {
        return cluster.status().values().get("local");
    }

    @Test
    void doAddRemoveAndStopRunThroughTheEngine() {
        assertTrue(cluster.start(bundle("SleepsForever"), 1, 10, RunOptions.all()).allOk());
        await("10 users", () -> status().usersAlive() == 10);

        assertTrue(cluster.add(5, RunOptions.all()).allOk());
        await("15 users", () -> status().usersAlive() == 15);
        ClusterResult<RemovalReport> removed = cluster.remove(4, true, RunOptions.all());

        assertEquals(List.of(15L, 14L, 13L, 12L), removed.values().get("local").removed());
        assertEquals(11, status().usersAlive());
        assertEquals(15, cluster.lastId());
        assertTrue(cluster.stop().allOk());
        assertEquals(NodeState.FINISHED, status().state());
        assertEquals(0, status().usersAlive());
    }

    @Test
    void removingRightAfterAnAddTakesTheQueuedUsersFirstAndTheyNeverStart() {
        Config.global().set("interarrival", 600_000L);
        cluster.start(bundle("SleepsForever"), 1, 3, RunOptions.all());
        assertTrue(cluster.add(5, RunOptions.all()).allOk());

        ClusterResult<RemovalReport> removed = cluster.remove(5, false, RunOptions.all());

        assertEquals(List.of(8L, 7L, 6L, 5L, 4L), removed.values().get("local").removed());
        Config.global().set("interarrival", 0L);
        await("users 1..3 start", () -> status().usersAlive() == 3);
        assertArrayEquals(new long[]{3, 2, 1}, controller.highestLiveIds(10));
        assertEquals(0, status().pending());
        assertEquals(8, cluster.lastId());
    }

    @Test
    void engineErrorsBecomeNodeFailuresWithTheirOneLineMessage() throws Exception {
        cluster.start(bundle("SleepsForever"), 1, 1, RunOptions.all());
        LocalNodeHandle handle = new LocalNodeHandle(controller);

        ClusterResult<Void> again = cluster.start(bundle("SleepsForever"), 1, 1, RunOptions.all());

        String reason = ((NodeResult.Failed<Void>) again.byNode().get("local")).reason();
        assertTrue(reason.contains("already running on local"), reason);
        NodeException error = org.junit.jupiter.api.Assertions.assertThrows(NodeException.class,
                () -> handle.start(bundle("SleepsForever"), java.util.Map.of()));
        assertInstanceOf(ScenarioAlreadyRunningException.class, error.getCause());
        assertEquals("local", error.node());
    }

    @Test
    void addingWithoutARunIsAFailureNamingTheNode() {
        ClusterResult<?> result = cluster.add(3, RunOptions.all());

        String reason = ((NodeResult.Failed<?>) result.byNode().get("local")).reason();
        assertTrue(reason.startsWith("no scenario is running on local"), reason);
        assertEquals(0, cluster.lastId(), "ids are not used up by a refused add");
    }

    @Test
    void aStopWhoseTerminateFailsIsAFailureOfTheNodeWithTheReason() {
        assertTrue(cluster.start(bundle("TerminateFails"), 1, 2, RunOptions.all()).allOk());

        ClusterResult<Void> stopped = cluster.stop();

        assertEquals(List.of("local"), stopped.failedNodes());
        NodeResult.Failed<Void> failed = (NodeResult.Failed<Void>) stopped.byNode().get("local");
        assertEquals("stopped, but TerminateFails.terminate() failed: java.lang.IllegalStateException: cannot clean up",
                failed.reason());
        assertEquals(NodeState.FAILED, status().state());
        assertEquals(0, status().usersAlive());
    }

    @Test
    void aFailingInitIsReportedAndStartsNoUser() {
        ClusterResult<Void> result = cluster.start(bundle("InitFails"), 1, 5, RunOptions.all());

        assertEquals(List.of("local"), result.failedNodes());
        assertEquals(NodeState.FAILED, status().state());
        assertEquals(0, status().spawned());
        assertTrue(cluster.running().isEmpty());
    }

    @Test
    void statusAnswersWhileAForcedRemovalWaitsForStragglers() throws Exception {
        Config.global().set("remove_grace_period", 30L);
        cluster.start(bundle("IgnoresInterrupts"), 1, 2, RunOptions.all());
        await("users in their iteration", () -> Fixtures.counter("started") == 2);
        java.util.concurrent.CompletableFuture<ClusterResult<RemovalReport>> removal =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> cluster.remove(2, true, RunOptions.all()));
        await("the removal asked both users to stop", () -> controller.highestLiveIds(5).length == 0);

        NodeStatus during = status();

        assertEquals(2, during.usersAlive());
        assertTrue(!removal.isDone(), "status answered while the removal still waits");
        Config.global().set("release", true);
        assertEquals(List.of(), removal.get().values().get("local").stragglers());
    }

    @Test
    void setConfigReachesTheNode() {
        cluster.setConfig("repeat_interval", 5L);

        assertEquals(5L, Config.global().get("repeat_interval"));
    }

}
