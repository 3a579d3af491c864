package io.amoc.command;

import io.amoc.cluster.InMemoryNode;
import io.amoc.cluster.NodeResult;
import io.amoc.cluster.UnknownNodeException;
import io.amoc.compile.InvalidScenarioNameException;
import io.amoc.compile.UnknownScenarioException;
import io.amoc.config.Config;
import io.amoc.engine.NodeStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A node's status by name, a scenario's phase and the target a front end addresses by default. */
class MasterLookupsTest {

    @TempDir
    Path dir;

    private Master master;

    /** A master whose own node is a real one, and whose slaves are in memory. */
    private Master masterWithSlaves(InMemoryNode... slaves) {
        Path home = dir.resolve("master-" + System.nanoTime());
        Config config = new Config(Map.of(), Map.of("interarrival", "0"));
        Config.install(config);
        Path scenarios = MasterFixture.copyFixture(home.resolve("scenarios"), "SleepsForever");
        InMemorySlaves inMemory = new InMemorySlaves(slaves);
        master = Master.start(MasterSetup.of(home, List.of(scenarios), home.resolve("uploads"), config, c -> inMemory));
        return master;
    }

    @AfterEach
    void close() throws InterruptedException {
        if (master != null) {
            master.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void aNodeIsFoundByNameOnTheMasterOrAmongTheSlavesAndAnUnknownNameListsTheKnownOnes() throws Exception {
        Master master = masterWithSlaves(InMemoryNode.up("a:1"), InMemoryNode.down("b:1"));

        NodeStatusAnswer own = master.nodeStatus(MasterSetup.LOCAL_NODE);
        assertEquals(Target.LOCAL, own.target());
        assertEquals("idle", assertInstanceOf(NodeResult.Ok.class, own.status()).value() instanceof NodeStatus s
                ? s.stateLabel() : "not a status");
        assertEquals(Target.DIST, master.nodeStatus("a:1").target());
        assertTrue(master.nodeStatus("a:1").status().ok());
        NodeResult.Failed<?> down = assertInstanceOf(NodeResult.Failed.class, master.nodeStatus("b:1").status());
        assertTrue(down.reason().startsWith("b:1 is down"), down.reason());
        assertEquals("no node named c:1: connected are local, a:1, b:1",
                assertThrows(UnknownNodeException.class, () -> master.nodeStatus("c:1")).getMessage());
    }

    @Test
    void aScenarioIsLoadedThenRunningThenFinishedAndAnUnknownOneIsRefused() throws Exception {
        Master master = masterWithSlaves();

        assertEquals(ScenarioPhase.LOADED, master.scenarioPhase("SleepsForever"));
        master.local().start(StartRequest.of("SleepsForever", 1, 2));
        assertEquals(ScenarioPhase.RUNNING, master.scenarioPhase("SleepsForever"));
        master.local().stop();
        assertEquals(ScenarioPhase.FINISHED, master.scenarioPhase("SleepsForever"));

        assertEquals("unknown scenario 'Nope': known are SleepsForever",
                assertThrows(UnknownScenarioException.class, () -> master.scenarioPhase("Nope")).getMessage());
        assertEquals("unknown scenario 'SLEEPSFOREVER' (names are case-sensitive: did you mean SleepsForever?): known"
                + " are SleepsForever", assertThrows(UnknownScenarioException.class,
                        () -> master.scenarioPhase("SLEEPSFOREVER")).getMessage());
        assertThrows(InvalidScenarioNameException.class, () -> master.scenarioPhase("../etc/passwd"));
    }

    @Test
    void theDefaultTargetIsTheOneRunningThenTheSlavesIfAnyThenTheMastersOwnNode() throws Exception {
        assertEquals(Target.LOCAL, masterWithSlaves().defaultTarget(), "no slaves");
        master.local().start(StartRequest.of("SleepsForever", 1, 1));
        assertEquals(Target.LOCAL, master.defaultTarget(), "the local run");
        master.local().stop();
        close();

        Master withSlaves = masterWithSlaves(InMemoryNode.up("a:1"));
        assertEquals(Target.DIST, withSlaves.defaultTarget());
        withSlaves.local().start(StartRequest.of("SleepsForever", 1, 1));
        assertEquals(Target.LOCAL, withSlaves.defaultTarget(), "the target that runs comes first");
    }
}
