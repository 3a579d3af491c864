package io.amoc.engine;

import io.amoc.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.amoc.engine.Fixtures.bundle;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What status says about spawning, and removing users that are asked for but not started yet. */
class SpawnProgressTest {

    private static final long USERS = 20_000;

    private final NodeController node = new NodeController("local");

    @BeforeEach
    void freshConfig() {
        Fixtures.freshConfigAndMetrics();
        Config.global().set("interarrival", 0L);
    }

    @AfterEach
    void stopTheNode() {
        node.stop();
    }

    @Test
    void everyStatusTakenWhileSpawningCountsEachRequestedUserExactlyOnce() throws Exception {
        node.start(bundle("SleepsForever"), Map.of());
        node.addUsers(IdRange.of(1, USERS));

        long snapshots = 0;
        long midway = 0;
        long deadline = System.nanoTime() + Fixtures.PATIENCE.toNanos();
        NodeStatus status;
        do {
            status = node.status();
            snapshots++;
            assertEquals(USERS, status.spawned() + status.pending(),
                    "spawned " + status.spawned() + " + pending " + status.pending() + " in snapshot " + snapshots);
            if (status.spawned() > 0 && status.pending() > 0) {
                midway++;
            }
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + USERS + " users to spawn");
        } while (status.spawned() < USERS);

        assertTrue(midway > 0, "no snapshot was taken while spawning (" + snapshots + " in all)");
        assertEquals(USERS, status.usersAlive());
    }

    @Test
    void usersStillQueuedAreTheHighestAndRemovingThemMeansTheyNeverStart() throws Exception {
        Config.global().set("interarrival", 600_000L);
        node.start(bundle("SleepsForever"), Map.of());
        node.addUsers(IdRange.of(1, 3));
        node.addUsers(IdRange.of(4, 8));
        Fixtures.await("user 1 starts at once", () -> node.status().spawned() == 1);
        assertArrayEquals(new long[]{8, 7, 6, 5, 4, 3, 2, 1}, node.highestLiveIds(20));

        RemovalReport report = node.removeUsers(node.highestLiveIds(5), false);

        assertEquals(List.of(8L, 7L, 6L, 5L, 4L), report.removed());
        assertEquals(2, node.status().pending(), "2 and 3 still wait for their turn");
        Config.global().set("interarrival", 0L);
        Fixtures.await("2 and 3 start", () -> node.status().usersAlive() == 3);
        assertArrayEquals(new long[]{3, 2, 1}, node.highestLiveIds(20));
        assertEquals(3, node.status().spawned() + node.status().pending(), "4..8 never start");
        assertEquals(8, node.status().highestId(), "removed ids are not given out again");
    }

    @Test
    void aQueuedIdInTheMiddleOfASteppedRangeIsDroppedAlone() throws Exception {
        Config.global().set("interarrival", 600_000L);
        node.start(bundle("SleepsForever"), Map.of());
        node.addUsers(new IdRange(1, 13, 3));
        Fixtures.await("user 1 starts at once", () -> node.status().spawned() == 1);

        RemovalReport report = node.removeUsers(new long[]{7, 8}, true);

        assertEquals(List.of(7L), report.removed(), "8 is not one of this node's ids");
        Config.global().set("interarrival", 0L);
        Fixtures.await("the rest start", () -> node.status().pending() == 0);
        assertArrayEquals(new long[]{13, 10, 4, 1}, node.highestLiveIds(20));
    }
}
