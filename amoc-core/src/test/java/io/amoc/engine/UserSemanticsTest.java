package io.amoc.engine;

import io.amoc.config.Config;
import io.amoc.metrics.NodeMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.amoc.engine.Fixtures.await;
import static io.amoc.engine.Fixtures.bundle;
import static io.amoc.engine.Fixtures.counter;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserSemanticsTest {

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

    private void run(String scenario, long from, long to) throws Exception {
        node.start(bundle(scenario), Map.of());
        node.addUsers(IdRange.of(from, to));
        await((to - from + 1) + " users spawned", () -> node.status().spawned() == to - from + 1);
    }

    @Test
    void eachUserRunsStartRepeatNumTimesInAll() throws Exception {
        Config.global().set("repeat_num", 3L);
        run("CountsIterations", 1, 4);

        await("users end after their iterations", () -> node.status().usersAlive() == 0);
        assertEquals(12, counter("iterations"));
        assertEquals(3, counter("iterations_of_user_4"));
    }

    @Test
    void repeatNumIsReadAtEachIteration() throws Exception {
        run("CountsIterations", 1, 2);
        await("users iterate", () -> counter("iterations") > 20);

        Config.global().set("repeat_num", 1L);

        await("users stop repeating", () -> node.status().usersAlive() == 0);
    }

    @Test
    void aThrowingUserIsCountedAndNotRestartedWhileOthersGoOn() throws Exception {
        run("FailsOnOddIds", 1, 4);

        await("two failures", () -> node.status().failures() == 2);
        await("even users iterate on", () -> counter("even_iterations") > 50);
        assertEquals(2, counter("odd_starts"), "odd users are not restarted");
        assertEquals(2, counter("user_failures"));
        await("failed users end", () -> node.status().usersAlive() == 2);
        assertArrayEquals(new long[]{4, 2}, node.highestLiveIds(10));
    }

    @Test
    void aFailingUserIsLoggedOnceWithItsIdAndException() throws Exception {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            run("FailsOnOddIds", 1, 2);
            await("user 1 fails", () -> node.status().failures() == 1);
            await("user 2 iterates on", () -> counter("even_iterations") > 20);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1, log.split("user 1 of FailsOnOddIds failed", -1).length - 1, log);
        assertEquals(1, log.split("IllegalStateException: odd user 1 fails on purpose", -1).length - 1, log);
    }

    @Test
    void idsAreNeverReusedInARun() throws Exception {
        run("SleepsForever", 1, 5);

        assertThrows(UserIdsReusedException.class, () -> node.addUsers(IdRange.of(5, 8)));
        node.addUsers(IdRange.of(6, 8));
        assertEquals(8, node.status().highestId());
    }

    @Test
    void highestLiveIdsComeHighestFirstAndSkipUsersBeingRemoved() throws Exception {
        run("SleepsForever", 1, 10);

        assertArrayEquals(new long[]{10, 9, 8}, node.highestLiveIds(3));
        node.removeUsers(new long[]{10, 9}, true);
        assertArrayEquals(new long[]{8, 7, 6}, node.highestLiveIds(3));
        assertEquals(10, node.highestLiveIds(100).length + 2);
    }

    @Test
    void removingUsersGentlyLetsThemFinishTheirIteration() throws Exception {
        Config.global().set("repeat_interval", 1L);
        run("WaitsForRelease", 1, 3);
        await("user 3 started", () -> counter("started_3") == 1);

        RemovalReport report = node.removeUsers(new long[]{3}, false);

        assertEquals(List.of(3L), report.removed());
        assertEquals(List.of(), report.stragglers());
        assertEquals(3, node.status().usersAlive(), "user 3 is still in its iteration");
        Config.global().set("release", true);
        await("user 3 finishes its iteration", () -> counter("finished_3") == 1);
        await("user 3 ends", () -> node.status().usersAlive() == 2);
        await("the others repeat", () -> counter("started_1") > 5);
        assertEquals(1, counter("started_3"), "user 3 does not repeat");
    }

    @Test
    void aForcedRemovalEndsUsersThatAreFinishingAGentleOne() throws Exception {
        run("WaitsForRelease", 1, 2);
        await("users started", () -> counter("started_1") == 1 && counter("started_2") == 1);
        node.removeUsers(new long[]{2}, false);
        assertArrayEquals(new long[]{1}, node.highestLiveIds(5), "a user being removed is not offered again");

        RemovalReport forced = node.removeUsers(new long[]{2}, true);

        assertEquals(List.of(2L), forced.removed());
        assertEquals(List.of(), forced.stragglers());
        assertEquals(1, node.status().usersAlive());
        assertEquals(0, counter("finished_2"), "interrupted, it never finished its iteration");
    }

    @Test
    void aUserWaitingInRepeatIntervalStopsAtOnceWhenRemovedGently() throws Exception {
        Config.global().set("repeat_interval", 600_000L);
        run("CountsIterations", 1, 1);
        await("first iteration done", () -> counter("iterations") == 1);

        node.removeUsers(new long[]{1}, false);

        await("the waiting user ends long before its interval", () -> node.status().usersAlive() == 0);
    }

    @Test
    void aLoweredRepeatIntervalEndsAWaitAlreadyBegun() throws Exception {
        Config.global().set("repeat_interval", 60_000L);
        run("CountsIterations", 1, 1);
        await("first iteration done", () -> counter("iterations") == 1);
        Thread.sleep(50);   // the user is now in its 60 s wait

        long lowered = System.nanoTime();
        Config.global().set("repeat_interval", 1_000L);
        await("the second iteration, a second after the first at most", () -> counter("iterations") == 2);

        long waited = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lowered);
        assertTrue(waited < 5_000, "the user went on " + waited + " ms after the change, not after 60 s");
        assertEquals(1, node.status().usersAlive(), "and waits again, 1 s now");
    }

    @Test
    void aRaisedRepeatIntervalLengthensAWaitAlreadyBegun() throws Exception {
        Config.global().set("repeat_interval", 300L);
        run("CountsIterations", 1, 1);
        await("first iteration done", () -> counter("iterations") == 1);

        Config.global().set("repeat_interval", 60_000L);
        Thread.sleep(900);

        assertEquals(1, counter("iterations"), "the wait is 60 s now: no second iteration after 0.9 s");
    }

    @Test
    void removingUsersByForceInterruptsThemNow() throws Exception {
        run("SleepsForever", 1, 50);

        RemovalReport report = node.removeUsers(node.highestLiveIds(50), true);

        assertEquals(50, report.removed().size());
        assertEquals(List.of(), report.stragglers());
        assertEquals(0, node.status().usersAlive());
        assertEquals(0, node.status().failures(), "removed users are not failures");
    }

    @Test
    void usersThatIgnoreInterruptsAreReportedAsStragglers() throws Exception {
        Config.global().set("remove_grace_period", 0.2);
        run("IgnoresInterrupts", 1, 3);
        await("users are in their iteration", () -> counter("started") == 3);

        RemovalReport report = node.removeUsers(new long[]{2, 3}, true);

        assertEquals(List.of(2L, 3L), report.stragglers());
        Config.global().set("release", true);
        await("stragglers end once released", () -> node.status().usersAlive() == 1);
    }

    @Test
    void spawningIsPacedByInterarrivalInTheBackground() throws Exception {
        Config.global().set("interarrival", 600_000L);
        node.start(bundle("SleepsForever"), Map.of());

        node.addUsers(IdRange.of(1, 3));

        await("the first user starts at once", () -> node.status().spawned() == 1);
        NodeStatus status = node.status();
        assertEquals(2, status.pending(), "the others wait for their turn");
        assertEquals(3, status.highestId());
        node.stop();
        assertEquals(0, node.status().pending());
        assertEquals(1, node.status().spawned());
    }

    @Test
    void usersStartNoCloserThanInterarrivalApart() throws Exception {
        Config.global().set("interarrival", 40L);
        node.start(bundle("SleepsForever"), Map.of());
        long begin = System.nanoTime();

        node.addUsers(IdRange.of(1, 5));
        await("5 users spawned", () -> node.status().spawned() == 5);

        long elapsedMs = (System.nanoTime() - begin) / 1_000_000;
        assertTrue(elapsedMs >= 4 * 40, "5 users 40 ms apart need at least 160 ms, took " + elapsedMs);
    }

    @Test
    void aChangedInterarrivalShortensAWaitAlreadyBegun() throws Exception {
        Config.global().set("interarrival", 600_000L);
        node.start(bundle("SleepsForever"), Map.of());
        node.addUsers(IdRange.of(1, 3));
        await("the first user starts at once", () -> node.status().spawned() == 1);

        Config.global().set("interarrival", 0L);

        await("the others start long before ten minutes", () -> node.status().spawned() == 3);
    }

    @Test
    void interarrivalZeroStartsEveryoneAtOnce() throws Exception {
        run("SleepsForever", 1, 2000);

        assertEquals(2000, node.status().usersAlive());
        assertEquals(0, node.status().pending());
    }

    @Test
    void theUsersGaugeFollowsLiveUsers() throws Exception {
        run("SleepsForever", 1, 30);
        assertEquals(30, NodeMetrics.current().snapshot("t").users());

        node.removeUsers(node.highestLiveIds(10), true);

        await("gauge drops to 20", () -> NodeMetrics.current().snapshot("t").users() == 20);
    }

    @Test
    void removingUnknownIdsRemovesNothing() throws Exception {
        run("SleepsForever", 1, 2);

        RemovalReport report = node.removeUsers(new long[]{7, 8}, false);

        assertTrue(report.removed().isEmpty());
        assertEquals(2, node.status().usersAlive());
    }
}
