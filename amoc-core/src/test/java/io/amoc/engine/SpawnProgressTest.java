package io.amoc.engine;

import io.amoc.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.amoc.engine.Fixtures.bundle;
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
}
