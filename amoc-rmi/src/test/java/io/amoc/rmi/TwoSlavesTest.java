package io.amoc.rmi;

import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.DownNodes;
import io.amoc.cluster.Liveness;
import io.amoc.cluster.NodeException;
import io.amoc.cluster.NodeResult;
import io.amoc.cluster.NodeView;
import io.amoc.cluster.RunOptions;
import io.amoc.compile.ScenarioBundle;
import io.amoc.compile.ScenarioCatalog;
import io.amoc.config.Config;
import io.amoc.engine.IdRange;
import io.amoc.engine.NodeStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A master (this JVM) and two real slave JVMs on 127.0.0.1 over real RMI, through one run: start, add, remove,
 * a killed slave, a silent master. The steps build on each other, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoSlavesTest {

    private static final Duration SILENCE = Duration.ofSeconds(4);
    private static final Duration USERS_DEADLINE = Duration.ofSeconds(20);
    private static final Duration DOWN_DEADLINE = Duration.ofSeconds(10);

    @TempDir
    static Path dir;
    private SlaveProcess first;
    private SlaveProcess second;
    private SlaveProcess third;
    private SlaveProcess secondAgain;
    private Distribution master;
    private Distribution newMaster;
    private ScenarioBundle bundle;
    private Path records;

    @BeforeAll
    void startMasterAndSlaves() throws Exception {
        first = SlaveProcess.start(dir.resolve("slave-1"), SILENCE);
        second = SlaveProcess.start(dir.resolve("slave-2"), SILENCE);
        records = Files.createDirectories(dir.resolve("records"));
        Config.install(new Config(Map.of(), Map.of()));
        Config.global().set("interarrival", 0L);
        Config.global().set("record_dir", records.toString());
        master = Distribution.start(masterConfig(first, second));
        bundle = new ScenarioCatalog(List.of(RecordingScenario.writeSource(dir.resolve("scenarios"))))
                .bundle(RecordingScenario.NAME);
    }

    private static Config masterConfig(SlaveProcess... slaves) {
        String hosts = Stream.of(slaves).map(s -> "\"" + s.address() + "\"").collect(Collectors.joining(", ", "[", "]"));
        return new Config(Map.of(), Map.of("hosts", hosts, "rmi_connect_timeout", "2", "rmi_read_timeout", "10",
                "tls_dir", "\"" + SlaveProcess.tlsDir() + "\""));
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (Distribution d : new Distribution[]{master, newMaster}) {
            if (d != null) {
                d.close();
            }
        }
        first.close();
        second.close();
        for (SlaveProcess slave : new SlaveProcess[]{third, secondAgain}) {
            if (slave != null) {
                slave.close();
            }
        }
    }

    @Test
    @Order(1)
    void doGivesOddIdsToTheFirstSlaveAndEvenIdsToTheSecond() throws Exception {
        ClusterResult<Void> started = master.cluster().start(bundle, 1, 20, RunOptions.all());

        assertTrue(started.allOk(), started.toString());
        Map<Long, Long> pids = usersStarted(20);
        LongStream.rangeClosed(1, 20).forEach(id -> assertEquals(id % 2 == 1 ? first.pid() : second.pid(), pids.get(id),
                "user " + id + " ran in the wrong JVM"));
    }

    @Test
    @Order(2)
    void theSlavesHadNoSourceAndRunTheVersionWithTheMastersSha256() throws Exception {
        ClusterResult<NodeStatus> status = master.cluster().status();

        assertEquals(List.of(first.address(), second.address()), List.copyOf(status.values().keySet()));
        status.values().values().forEach(s -> assertEquals(bundle.sha256(), s.sha256(), s.node()));
        for (Path slaveDir : List.of(dir.resolve("slave-1"), dir.resolve("slave-2"))) {
            try (Stream<Path> files = Files.walk(slaveDir)) {
                assertFalse(files.anyMatch(f -> f.toString().endsWith(".java")), "a slave had a scenario source");
            }
        }
    }

    @Test
    @Order(3)
    void addContinuesTheClusterWideIdsRoundRobin() throws Exception {
        ClusterResult<IdRange> added = master.cluster().add(10, RunOptions.all());

        assertTrue(added.allOk(), added.toString());
        assertEquals(new IdRange(21, 30, 2).ids().boxed().toList(), added.values().get(first.address()).ids().boxed().toList());
        Map<Long, Long> pids = usersStarted(30);
        LongStream.rangeClosed(21, 30).forEach(id -> assertEquals(id % 2 == 1 ? first.pid() : second.pid(), pids.get(id)));
    }

    @Test
    @Order(4)
    void aForcedRemoveStopsExactlyTheTenHighestIds() throws Exception {
        assertTrue(master.cluster().remove(10, true, RunOptions.all()).allOk());

        Set<Long> highest = LongStream.rangeClosed(21, 30).boxed().collect(Collectors.toSet());
        Eventually.until("users 21..30 to end", USERS_DEADLINE, () -> ended().equals(highest));
        Eventually.until("20 users alive", USERS_DEADLINE, () -> usersAlive() == 20);
        assertEquals(highest, ended());
    }

    @Test
    @Order(5)
    void aSecondMasterIsRefusedWhileTheFirstIsAlive() throws Exception {
        RemoteNodeHandle intruder = new RemoteNodeHandle(SlaveAddress.parse(first.address()), MasterIdentity.ofThisProcess());

        NodeException refused = assertThrows(NodeException.class, intruder::heartbeat);
        assertTrue(refused.getMessage().contains("follows master"), refused.getMessage());
    }

    @Test
    @Order(6)
    void aKilledSlaveIsShownDownByNameWhileTheOtherKeepsItsUsers() throws Exception {
        second.killHard();
        long killedAt = System.nanoTime();

        Eventually.until("the killed slave to be shown down", DOWN_DEADLINE,
                () -> view(master, second).liveness() == Liveness.DOWN);
        System.out.printf("a killed slave was shown down after %d ms%n", (System.nanoTime() - killedAt) / 1_000_000);
        assertEquals(Liveness.UP, view(master, first).liveness());
        ClusterResult<NodeStatus> status = DownNodes.added(master.cluster().status(), master.nodes(), RunOptions.all(),
                java.time.Instant.now());
        assertEquals(10, status.values().get(first.address()).usersAlive());
        assertEquals(List.of(second.address()), status.failedNodes());
        ClusterResult<IdRange> added = DownNodes.added(master.cluster().add(4, RunOptions.all()), master.nodes(),
                RunOptions.all(), java.time.Instant.now());
        assertEquals(IdRange.of(31, 34), added.values().get(first.address()));
        NodeResult<IdRange> dead = added.byNode().get(second.address());
        assertInstanceOf(NodeResult.Failed.class, dead);
        assertTrue(((NodeResult.Failed<IdRange>) dead).reason().contains(second.address() + " is down"), dead.toString());
        Map<Long, Long> pids = usersStarted(34);
        LongStream.rangeClosed(31, 34).forEach(id -> assertEquals(first.pid(), pids.get(id)));
    }

    @Test
    @Order(7)
    void aRestartedSlaveComesBackUpByItselfAndAJoiningOneGetsTheScenarioAndTheirShareOfLaterAdds() throws Exception {
        secondAgain = second.restart(dir.resolve("slave-2-again"), SILENCE);
        third = SlaveProcess.start(dir.resolve("slave-3"), SILENCE);

        NodeView joined = master.connect(third.address());
        Eventually.until("the restarted slave to be up again", DOWN_DEADLINE,
                () -> view(master, secondAgain).liveness() == Liveness.UP);

        assertEquals(Liveness.UP, joined.liveness());
        for (SlaveProcess fresh : List.of(secondAgain, third)) {
            Eventually.until(fresh.address() + " to run the scenario", DOWN_DEADLINE, () -> bundle.sha256()
                    .equals(master.cluster().status().values().get(fresh.address()).sha256()));
            assertEquals(0, master.cluster().status().values().get(fresh.address()).usersAlive(), "no users of the past");
        }
        ClusterResult<IdRange> added = master.cluster().add(6, RunOptions.all());
        assertTrue(added.allOk(), added.toString());
        Map<Long, Long> pids = usersStarted(40);
        long[] expected = {first.pid(), secondAgain.pid(), third.pid()};
        LongStream.rangeClosed(35, 40).forEach(id -> assertEquals(expected[(int) ((id - 1) % 3)], pids.get(id), "user " + id));
        assertEquals(2, master.cluster().metrics().values().get(third.address()).users());
    }

    @Test
    @Order(8)
    void aMasterThatClosesReleasesItsSlavesSoTheNextMasterDrivesThemAtOnce() throws Exception {
        Set<Long> liveSlavesUsers = RecordingScenario.startedBy(records).entrySet().stream()
                .filter(e -> e.getValue() != second.pid()).map(Map.Entry::getKey).collect(Collectors.toSet());

        master.close();
        newMaster = Distribution.start(masterConfig(first, third));

        assertEquals(Liveness.UP, view(newMaster, first).liveness(), view(newMaster, first).toString());
        assertEquals(Liveness.UP, view(newMaster, third).liveness(), view(newMaster, third).toString());
        Eventually.until("the released slaves' users to end", USERS_DEADLINE, () -> ended().containsAll(liveSlavesUsers));
        Path newRecords = Files.createDirectories(dir.resolve("records-2"));
        Config.global().set("record_dir", newRecords.toString());
        assertTrue(newMaster.cluster().start(bundle, 1, 4, RunOptions.all()).allOk());
        Eventually.until("4 users on the new master's run", USERS_DEADLINE, () -> started(newRecords) == 4);
        assertTrue(newMaster.cluster().stop().allOk());
    }

    @Test
    @Order(9)
    void slavesOfACrashedMasterStopItsUsersAfterTheSilenceTimeoutAndThenFollowANewMaster() throws Exception {
        newMaster.close();
        Path crashedRecords = Files.createDirectories(dir.resolve("records-3"));
        Path scenarios = RecordingScenario.writeSource(dir.resolve("crashing-master-scenarios"));
        try (SlaveProcess crashing = SlaveProcess.start(dir.resolve("crashing-master"), TestMasterMain.class,
                SlaveProcess.tlsDir(), crashedRecords.toString(), scenarios.toString(), "2", first.address())) {
            Eventually.until("the crashing master's 2 users", USERS_DEADLINE, () -> started(crashedRecords) == 2);
            crashing.killHard();
        }
        Distribution afterCrash = Distribution.start(masterConfig(first));
        try {
            assertTrue(view(afterCrash, first).problem().orElse("").contains("follows master"),
                    view(afterCrash, first).toString());
            Eventually.until("the crashed master's users to end", SILENCE.plus(USERS_DEADLINE),
                    () -> ended(crashedRecords).size() == 2);
            Eventually.until("the slave to follow the new master", USERS_DEADLINE,
                    () -> view(afterCrash, first).liveness() == Liveness.UP);
            assertTrue(afterCrash.cluster().start(bundle, 1, 1, RunOptions.all()).allOk());
        } finally {
            afterCrash.close();
        }
    }

    private static long started(Path recordDir) {
        try {
            return RecordingScenario.startedBy(recordDir).size();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static Set<Long> ended(Path recordDir) {
        try {
            return RecordingScenario.ended(recordDir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<Long, Long> usersStarted(int count) {
        return Eventually.value(count + " users started", USERS_DEADLINE, () -> {
            Map<Long, Long> started = RecordingScenario.startedBy(records);
            return started.size() >= count ? java.util.Optional.of(started) : java.util.Optional.empty();
        });
    }

    private Set<Long> ended() {
        return ended(records);
    }

    private long usersAlive() {
        return master.cluster().status().values().values().stream().mapToLong(NodeStatus::usersAlive).sum();
    }

    private static NodeView view(Distribution distribution, SlaveProcess slave) {
        return distribution.nodes().stream().filter(v -> v.node().equals(slave.address())).findFirst().orElseThrow();
    }
}
