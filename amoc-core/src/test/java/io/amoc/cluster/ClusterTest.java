package io.amoc.cluster;

import io.amoc.compile.ScenarioBundle;
import io.amoc.config.Config;
import io.amoc.engine.CurrentRun;
import io.amoc.engine.Fixtures;
import io.amoc.engine.IdRange;
import io.amoc.engine.RemovalReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterTest {

    private static final ScenarioBundle BUNDLE = new ScenarioBundle("S", "S", Map.of("S", new byte[]{1}), "abc");

    private final InMemoryNode a = InMemoryNode.up("a");
    private final InMemoryNode b = InMemoryNode.up("b");
    private final InMemoryNode c = InMemoryNode.up("c");

    @BeforeEach
    void freshConfig() {
        Fixtures.freshConfigAndMetrics();
    }

    private static Cluster of(NodeHandle... nodes) {
        return new Cluster(() -> List.of(nodes));
    }

    @Test
    void startShipsTheBundleWithTheRunTimeSettingsAndANewRunIdAndSplitsIdsRoundRobin() {
        Config.global().set("repeat_num", 3L);
        Cluster cluster = of(a, b, c);

        ClusterResult<Void> result = cluster.start(BUNDLE, 1, 10, RunOptions.all());

        assertTrue(result.allOk());
        assertEquals(List.of("a", "b", "c"), List.copyOf(result.byNode().keySet()));
        assertSame(BUNDLE, b.bundle);
        assertEquals(Map.of("repeat_num", 3L, CurrentRun.ID_SETTING, cluster.runId()), c.settings);
        assertTrue(cluster.runId().matches("[0-9a-f]{12}"), cluster.runId());
        assertEquals(List.of(1L, 4L, 7L, 10L), a.allIds());
        assertEquals(List.of(2L, 5L, 8L), b.allIds());
        assertEquals(List.of(3L, 6L, 9L), c.allIds());
        assertEquals(10, cluster.lastId());
        assertEquals(BUNDLE, cluster.running().orElseThrow());
        String first = cluster.runId();
        cluster.stop();
        cluster.start(BUNDLE, 1, 10, RunOptions.all());
        assertNotEquals(first, cluster.runId(), "each run its own id");
    }

    @Test
    void addContinuesFromTheHighestIdEverGivenOut() {
        Cluster cluster = of(a, b, c);
        cluster.start(BUNDLE, 1, 10, RunOptions.all());

        ClusterResult<IdRange> result = cluster.add(5, RunOptions.all());

        assertTrue(result.allOk());
        assertEquals(List.of(11L, 14L), b.allIds().subList(3, 5), "id 11 goes to node ((11-1) mod 3)+1 = 2");
        assertEquals(List.of(12L, 15L), c.allIds().subList(3, 5));
        assertEquals(List.of(13L), a.allIds().subList(4, 5));
        assertEquals(15, cluster.lastId());
    }

    @Test
    void removeTakesTheHighestIdsClusterWide() {
        Cluster cluster = of(a, b, c);
        cluster.start(BUNDLE, 1, 10, RunOptions.all());

        ClusterResult<RemovalReport> result = cluster.remove(4, true, RunOptions.all());

        assertTrue(result.allOk());
        assertEquals(List.of(10L, 7L), a.removed);
        assertEquals(List.of(8L), b.removed);
        assertEquals(List.of(9L), c.removed);
        assertEquals(List.of(8L), result.byNode().get("b") instanceof NodeResult.Ok<RemovalReport> ok
                ? ok.value().removed() : List.of());
    }

    @Test
    void aDeadNodeIsReportedByNameAndNeverHidesTheOthers() {
        InMemoryNode dead = InMemoryNode.down("dead");
        Cluster cluster = of(a, dead, c);

        ClusterResult<Void> started = cluster.start(BUNDLE, 1, 10, RunOptions.all());

        assertEquals(List.of("dead"), started.failedNodes());
        NodeResult.Failed<Void> failure = assertInstanceOf(NodeResult.Failed.class, started.byNode().get("dead"));
        assertTrue(failure.reason().startsWith("dead is unreachable"), failure.reason());
        assertEquals(10, a.allIds().size() + c.allIds().size(), "the ids go to the nodes that run");
        assertEquals(List.of("dead"), cluster.remove(2, false, RunOptions.all()).failedNodes());
        assertEquals(List.of("dead"), cluster.status().failedNodes());
        assertEquals(List.of("dead"), cluster.stop().failedNodes());
        assertFalse(cluster.running().isPresent());
    }

    @Test
    void onlyTheNamedNodesTakePartAndUnknownNamesAreFailures() {
        Cluster cluster = of(a, b, c);

        ClusterResult<Void> result = cluster.start(BUNDLE, 1, 4, new RunOptions(List.of("c", "a", "zz"), "x"));

        assertEquals(List.of("zz"), result.failedNodes());
        assertTrue(((NodeResult.Failed<Void>) result.byNode().get("zz")).reason().contains("known are a, b, c"));
        assertEquals(List.of(1L, 3L), a.allIds(), "named nodes keep the cluster's order");
        assertEquals(List.of(2L, 4L), c.allIds());
        assertEquals(List.of(), b.allIds());
    }

    @Test
    void listenersHearWhatTheClusterDid() {
        List<String> heard = new ArrayList<>();
        Cluster cluster = of(a, b);
        cluster.addListener(new ClusterListener() {
            @Override
            public void started(String scenario, String comment, long from, long to, int nodes) {
                heard.add("started " + scenario + " " + comment + " " + from + ".." + to + " on " + nodes);
            }

            @Override
            public void added(String scenario, long from, long to, int nodes) {
                heard.add("added " + from + ".." + to);
            }

            @Override
            public void removed(String scenario, long count, boolean force, int nodes) {
                heard.add("removed " + count + (force ? " by force" : ""));
            }

            @Override
            public void stopped(String scenario, int nodes) {
                heard.add("stopped " + scenario + " on " + nodes);
            }
        });

        cluster.start(BUNDLE, 1, 4, new RunOptions(List.of(), "first try"));
        cluster.add(2, RunOptions.all());
        cluster.remove(3, false, RunOptions.all());
        cluster.remove(1, true, RunOptions.all());
        cluster.stop();

        assertEquals(List.of("started S first try 1..4 on 2", "added 5..6", "removed 3", "removed 1 by force",
                "stopped S on 2"), heard);
    }

    @Test
    void impossibleIdsAndCountsAreRefused() {
        Cluster cluster = of(a);

        assertThrows(IllegalIdRangeException.class, () -> cluster.start(BUNDLE, 0, 5, RunOptions.all()));
        assertThrows(IllegalIdRangeException.class, () -> cluster.start(BUNDLE, 5, 2, RunOptions.all()));
        assertThrows(IllegalIdRangeException.class, () -> cluster.add(0, RunOptions.all()));
        assertThrows(IllegalIdRangeException.class, () -> cluster.remove(-1, true, RunOptions.all()));
    }
}
