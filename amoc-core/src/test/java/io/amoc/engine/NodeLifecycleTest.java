package io.amoc.engine;

import io.amoc.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.amoc.compile.ScenarioBundle;
import io.amoc.compile.ScenarioCatalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import java.util.Map;

import static io.amoc.engine.Fixtures.await;
import static io.amoc.engine.Fixtures.bundle;
import static io.amoc.engine.Fixtures.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeLifecycleTest {

    private static final String COUNTS = """
            import io.amoc.scenario.AmocMetrics;
            import io.amoc.scenario.Scenario;

            public class Counts implements Scenario<Void> {
                @Override
                public void start(long userId, Void state) {
                    AmocMetrics.count("%s");
                }
            }
            """;

    private final NodeController node = new NodeController("local");

    @BeforeEach
    void freshConfig() {
        Fixtures.freshConfigForQuickUsers();
    }

    @AfterEach
    void stopTheNode() {
        Config.global().set("release", true);
        node.stop();
    }

    @Test
    void aNewNodeIsIdle() {
        NodeStatus status = node.status();
        assertEquals(NodeState.IDLE, status.state());
        assertNull(status.scenario());
        assertEquals(0, status.usersAlive());
    }

    @Test
    void initRunsOnceAndItsStateReachesEveryUser() throws Exception {
        Config.global().set("repeat_num", 2L);
        node.start(bundle("CountsIterations"), Map.of());
        node.addUsers(IdRange.of(1, 5));

        await("10 iterations", () -> counter("iterations") == 10);
        await("all users end", () -> node.status().usersAlive() == 0);
        Map<String, Long> counters = io.amoc.metrics.NodeMetrics.current().snapshot("t").counters();
        assertEquals(1, counter("inits"));
        assertEquals(1, counters.keySet().stream().filter(k -> k.startsWith("saw_state_")).count());
        assertEquals(10L, counters.entrySet().stream().filter(e -> e.getKey().startsWith("saw_state_"))
                .findFirst().orElseThrow().getValue());
    }

    @Test
    void aFailingInitFailsTheNodeAndStartsNoUser() throws Exception {
        ScenarioInitException error = assertThrows(ScenarioInitException.class,
                () -> node.start(bundle("InitFails"), Map.of()));

        assertTrue(error.getMessage().contains("InitFails.init() failed"), error.getMessage());
        assertTrue(error.getMessage().contains("the server is not there"), error.getMessage());
        assertInstanceOf(IllegalStateException.class, error.getCause());
        NodeStatus status = node.status();
        assertEquals(NodeState.FAILED, status.state());
        assertTrue(status.stateLabel().startsWith("failed(InitFails.init() failed"), status.stateLabel());
        assertThrows(NoScenarioRunningException.class, () -> node.addUsers(IdRange.of(1, 3)));
        assertEquals(0, counter("started"));
    }

    @Test
    void aScenarioWithoutANoArgumentConstructorFailsToLoadWithAHint() {
        ScenarioInitException error = assertThrows(ScenarioInitException.class,
                () -> node.start(bundle("NeedsArgument"), Map.of()));

        assertTrue(error.getMessage().contains("public no-argument constructor"), error.getMessage());
        assertEquals(NodeState.FAILED, node.status().state());
    }

    @Test
    void aNewRunMayStartAfterAFailedOne() throws Exception {
        assertThrows(ScenarioInitException.class, () -> node.start(bundle("InitFails"), Map.of()));

        node.start(bundle("SleepsForever"), Map.of());

        assertEquals(NodeState.RUNNING, node.status().state());
        assertEquals("SleepsForever", node.status().scenario());
    }

    @Test
    void startingWhileAScenarioRunsIsRefused() throws Exception {
        node.start(bundle("SleepsForever"), Map.of());

        ScenarioAlreadyRunningException error = assertThrows(ScenarioAlreadyRunningException.class,
                () -> node.start(bundle("CountsIterations"), Map.of()));
        assertTrue(error.getMessage().contains("SleepsForever is already running"), error.getMessage());
        assertEquals("SleepsForever", node.status().scenario());
    }

    @Test
    void addingUsersWhileNothingRunsIsRefused() {
        assertThrows(NoScenarioRunningException.class, () -> node.addUsers(IdRange.of(1, 1)));
    }

    @Test
    void stopEndsEveryUserCallsTerminateOnceAndAllowsANewRun() throws Exception {
        node.start(bundle("CountsIterations"), Map.of());
        node.addUsers(IdRange.of(1, 20));
        await("20 users spawned", () -> node.status().spawned() == 20);

        node.stop();

        NodeStatus status = node.status();
        assertEquals(NodeState.FINISHED, status.state());
        assertEquals(0, status.usersAlive());
        assertEquals(0, status.pending());
        assertEquals(1, counter("terminated"));
        node.stop();
        assertEquals(1, counter("terminated"), "a second stop does not terminate again");
        node.start(bundle("CountsIterations"), Map.of());
        assertEquals(NodeState.RUNNING, node.status().state());
        assertEquals(2, counter("inits"));
    }

    @Test
    void usersThatOutliveTheirStopAreStragglersInStatusUntilTheyEnd() throws Exception {
        Config.global().set("remove_grace_period", 0.1);
        node.start(bundle("IgnoresInterrupts"), Map.of());
        node.addUsers(IdRange.of(1, 3));
        await("users in their iteration", () -> counter("started") == 3);

        node.stop();

        NodeStatus stopped = node.status();
        assertEquals(NodeState.FINISHED, stopped.state());
        assertEquals(3, stopped.stragglers());
        assertEquals(3, stopped.usersAlive());
        Config.global().set("release", true);
        await("the stragglers to end", () -> node.status().stragglers() == 0 && node.status().usersAlive() == 0);
    }

    @Test
    void aNewRunWaitsForTheLastRunsStragglersAndSaysWhyItCannotStartWhileTheyLive() throws Exception {
        Config.global().set("remove_grace_period", 0.1);
        node.start(bundle("IgnoresInterrupts"), Map.of());
        node.addUsers(IdRange.of(1, 2));
        await("users in their iteration", () -> counter("started") == 2);
        node.stop();

        StragglersStillAliveException refused = assertThrows(StragglersStillAliveException.class,
                () -> node.start(bundle("SleepsForever"), Map.of()));

        assertEquals("2 users of the last run of IgnoresInterrupts on local still run after being stopped (ids 1, 2):"
                + " they ignore interruption; a new run starts once they end (status shows them as stragglers)",
                refused.getMessage());
        assertEquals(NodeState.FINISHED, node.status().state(), "nothing of the new run started");
        Config.global().set("release", true);
        node.start(bundle("SleepsForever"), Map.of());
        assertEquals(NodeState.RUNNING, node.status().state());
        assertEquals(0, node.status().stragglers());
    }

    @Test
    void aNodeThatStopsItsUsersOnItsOwnSaysWhenWhyAndHowManyUntilAStop() throws Exception {
        node.start(bundle("SleepsForever"), Map.of());
        node.addUsers(IdRange.of(1, 4));
        await("4 users", () -> node.status().usersAlive() == 4);
        long before = System.currentTimeMillis();

        node.stopOnItsOwn("no heartbeat for 30 s");

        UsersDropped dropped = node.status().dropped();
        assertEquals(4, dropped.users());
        assertEquals("SleepsForever", dropped.scenario());
        assertEquals("no heartbeat for 30 s", dropped.reason());
        assertTrue(dropped.atMillis() >= before);
        assertEquals(0, node.status().usersAlive());
        node.start(bundle("SleepsForever"), Map.of());
        assertEquals(dropped, node.status().dropped(), "a new start (a master catching up) keeps saying it");
        node.stop();
        assertNull(node.status().dropped(), "a master's stop ends the run it was part of");
    }

    @Test
    void aFailingTerminateLeavesTheNodeFailedWithTheReason() throws Exception {
        node.start(bundle("TerminateFails"), Map.of());

        node.stop();

        assertEquals(NodeState.FAILED, node.status().state());
        assertTrue(node.status().failureReason().contains("cannot clean up"), node.status().failureReason());
    }

    @Test
    void settingsShippedWithTheScenarioAreApplied() throws Exception {
        node.start(bundle("SleepsForever"), Map.of("repeat_num", 7L, "custom_key", "value"));

        assertEquals(7L, Config.global().get("repeat_num"));
        assertEquals("value", Config.global().get("custom_key"));
    }

    @Test
    void aRunningScenarioKeepsItsVersionWhenItsSourceChanges(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("Counts.java");
        Files.writeString(source, COUNTS.formatted("first"));
        ScenarioCatalog catalog = new ScenarioCatalog(List.of(dir));
        ScenarioBundle first = catalog.bundle("Counts");
        node.start(first, Map.of());
        node.addUsers(IdRange.of(1, 1));
        await("the first version counts", () -> counter("first") > 0);

        Files.writeString(source, COUNTS.formatted("second"));
        ScenarioBundle second = catalog.bundle("Counts");
        long before = counter("first");
        await("the running version still counts", () -> counter("first") > before + 5);

        assertNotEquals(first.sha256(), second.sha256());
        assertEquals(first.sha256(), node.status().sha256());
        assertEquals(0, counter("second"));
        node.stop();
        node.start(second, Map.of());
        node.addUsers(IdRange.of(1, 1));
        await("the new run uses the new version", () -> counter("second") > 0);
    }

    @Test
    void statusNamesTheScenarioVersionRunning() throws Exception {
        node.start(bundle("SleepsForever"), Map.of());

        NodeStatus status = node.status();
        assertEquals("running", status.stateLabel());
        assertEquals(bundle("SleepsForever").sha256(), status.sha256());
    }
}
