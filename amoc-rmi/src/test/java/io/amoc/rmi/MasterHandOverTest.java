package io.amoc.rmi;

import io.amoc.cluster.Liveness;
import io.amoc.cluster.NodeView;
import io.amoc.cluster.RunOptions;
import io.amoc.compile.ScenarioCatalog;
import io.amoc.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Masters in their own JVMs hand two real slaves over: one that exits cleanly releases them, so the next master drives
 * them at once; the slaves of one that was killed are refused to others until taken over. The slaves' silence timeout
 * is long (30 s), so nothing here passes by waiting for it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MasterHandOverTest {

    private static final Duration SILENCE = Duration.ofSeconds(30);
    private static final Duration HAND_OVER = Duration.ofSeconds(2);
    private static final Duration USERS_DEADLINE = Duration.ofSeconds(20);
    private static final int USERS = 4;

    @TempDir
    static Path dir;
    private SlaveProcess first;
    private SlaveProcess second;
    private Path scenarios;

    @BeforeAll
    void startSlaves() throws Exception {
        first = SlaveProcess.start(dir.resolve("slave-1"), SILENCE);
        second = SlaveProcess.start(dir.resolve("slave-2"), SILENCE);
        scenarios = RecordingScenario.writeSource(dir.resolve("scenarios"));
        Config.install(new Config(Map.of(), Map.of()));
        Config.global().set("interarrival", 0L);
    }

    @AfterAll
    void stopSlaves() throws Exception {
        first.close();
        second.close();
    }

    @Test
    void aSecondMasterDrivesTheSlavesWithinTwoSecondsAfterTheFirstExitsCleanly() throws Exception {
        Path records = Files.createDirectories(dir.resolve("clean-exit"));
        try (SlaveProcess leaving = startMaster("leaving-master", records)) {
            assertEquals(0, leaving.endInputAndWait(USERS_DEADLINE), leaving.log());
        }
        long exited = System.nanoTime();
        Distribution next = Distribution.start(masterConfig());
        try {
            Eventually.until("both slaves up for the next master", HAND_OVER.minusNanos(System.nanoTime() - exited),
                    () -> next.nodes().stream().allMatch(NodeView::up));
            System.out.printf("the next master drove the slaves %d ms after the first exited%n",
                    (System.nanoTime() - exited) / 1_000_000);
            assertEquals(USERS, RecordingScenario.ended(records).size(), "the first master's users were stopped");
            Config.global().set("record_dir", Files.createDirectories(dir.resolve("after-clean-exit")).toString());
            assertTrue(next.cluster().start(bundle(), 1, 2, RunOptions.all()).allOk());
            assertTrue(next.cluster().stop().allOk());
        } finally {
            next.close();
        }
    }

    @Test
    void theSlavesOfAKilledMasterAreTakenOverAtOnceAndTheTakeoverNamesThatMaster() throws Exception {
        Path records = Files.createDirectories(dir.resolve("killed"));
        long killedPid;
        try (SlaveProcess killed = startMaster("killed-master", records)) {
            killedPid = killed.pid();
            killed.killHard();
        }
        Distribution next = Distribution.start(masterConfig());
        try {
            for (NodeView view : next.nodes()) {
                assertEquals(Liveness.DOWN, view.liveness());
                assertTrue(view.problem().orElse("").contains("takeover=true"), view.toString());
            }

            for (SlaveProcess slave : List.of(first, second)) {
                io.amoc.cluster.TakeOver taken = next.takeOver(slave.address());
                assertTrue(taken.view().up(), taken.toString());
                assertTrue(taken.previousOwner().orElse("").contains(Long.toString(killedPid)), taken.toString());
            }

            Eventually.until("the killed master's users to end", USERS_DEADLINE, () -> ended(records) == USERS);
            Config.global().set("record_dir", Files.createDirectories(dir.resolve("after-takeover")).toString());
            assertTrue(next.cluster().start(bundle(), 1, 2, RunOptions.all()).allOk());
            assertTrue(next.takeOver(first.address()).previousOwner().isEmpty(), "a master does not take over from itself");
            assertTrue(next.cluster().stop().allOk());
        } finally {
            next.close();
        }
    }

    private SlaveProcess startMaster(String name, Path records) throws Exception {
        SlaveProcess master = SlaveProcess.start(dir.resolve(name), TestMasterMain.class, SlaveProcess.tlsDir(),
                records.toString(), scenarios.toString(), Integer.toString(USERS), first.address(), second.address());
        Eventually.until(name + "'s users to start", USERS_DEADLINE, () -> started(records) == USERS);
        return master;
    }

    private Config masterConfig() {
        return new Config(Map.of(), Map.of("hosts", "[\"" + first.address() + "\", \"" + second.address() + "\"]",
                "tls_dir", "\"" + SlaveProcess.tlsDir() + "\"", "rmi_connect_timeout", "2", "rmi_read_timeout", "10"));
    }

    private io.amoc.compile.ScenarioBundle bundle() throws Exception {
        return new ScenarioCatalog(List.of(scenarios)).bundle(RecordingScenario.NAME);
    }

    private static long started(Path records) {
        try {
            return RecordingScenario.startedBy(records).size();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static long ended(Path records) {
        try {
            return RecordingScenario.ended(records).size();
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
