package io.amoc.cluster;

import io.amoc.compile.ScenarioBundle;
import io.amoc.config.Config;
import io.amoc.engine.IdRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeDirectoryTest {

    private static final Duration BEAT = Duration.ofSeconds(1);
    private final MutableClock clock = new MutableClock();
    private final NodeDirectory directory = new NodeDirectory(BEAT, clock, Runnable::run);
    private final InMemorySlave one = new InMemorySlave("one:1099");
    private final InMemorySlave two = new InMemorySlave("two:1099");
    private final ScenarioBundle bundle = new ScenarioBundle("Demo", "Demo", Map.of("Demo", new byte[]{1}), "ab12");

    @Test
    void aNodeAnsweringItsFirstBeatIsUpAsSoonAsItIsAdded() throws Exception {
        NodeView view = directory.add(one);
        assertEquals(Liveness.UP, view.liveness());
        assertEquals(List.of(one), directory.live());
    }

    @Test
    void anUnreachableNodeIsKeptDownWithItsProblemAndLeftOutOfTheLiveList() throws Exception {
        two.reachable = false;
        directory.add(one);
        NodeView view = directory.add(two);
        assertEquals(Liveness.DOWN, view.liveness());
        assertTrue(view.problem().orElseThrow().contains("connection refused"), view.toString());
        assertEquals(List.of(one), directory.live());
        assertEquals(List.of("one:1099", "two:1099"), directory.names());
    }

    @Test
    void nodesAddedTogetherKeepTheirOrderAndAreAllBeatenBeforeAddAllReturns() throws Exception {
        two.reachable = false;
        List<NodeView> views = directory.addAll(List.of(two, one));
        assertEquals(List.of(Liveness.DOWN, Liveness.UP), views.stream().map(NodeView::liveness).toList());
        assertEquals(List.of("two:1099", "one:1099"), directory.names());
        assertThrows(DuplicateNodeException.class, () -> directory.addAll(List.of(new InMemorySlave("one:1099"))));
        assertEquals(2, directory.all().size(), "a refused batch adds nothing");
    }

    @Test
    void addingTheSameNodeTwiceIsRefusedAndRemovingAnUnknownOneNamesTheKnown() throws Exception {
        directory.add(one);
        assertThrows(DuplicateNodeException.class, () -> directory.add(new InMemorySlave("one:1099")));
        UnknownNodeException unknown = assertThrows(UnknownNodeException.class, () -> directory.remove("three:1099"));
        assertTrue(unknown.getMessage().contains("one:1099"));
        assertSame(one, directory.remove("one:1099"));
        assertTrue(directory.all().isEmpty());
    }

    @Test
    void aNodeThatStopsAnsweringGoesDownAndComesBackByItself() throws Exception {
        directory.add(one);
        one.reachable = false;
        for (int i = 0; i < 4; i++) {
            clock.advance(BEAT);
            directory.beatAll();
        }
        assertEquals(Liveness.DOWN, directory.liveness("one:1099"));
        assertTrue(directory.live().isEmpty());

        one.reachable = true;
        directory.beatAll();
        assertEquals(Liveness.UP, directory.liveness("one:1099"));
    }

    @Test
    void aNodeJoiningARunningScenarioGetsItsBundleAndSettingsAndThenItsShareOfLaterAdds() throws Exception {
        Config.install(new Config(Map.of(), Map.of()));
        Config.global().set("interarrival", 0L);
        Cluster cluster = new Cluster(directory::live);
        directory.addListener(new CatchUpOnJoin(cluster));
        directory.add(one);
        assertTrue(cluster.start(bundle, 1, 4, RunOptions.all()).allOk());

        directory.add(two);

        assertSame(bundle, two.running);
        assertEquals(0L, two.settings.get("interarrival"));
        assertTrue(two.added.isEmpty(), "a joiner gets no users of the past");
        cluster.add(4, RunOptions.all());
        assertEquals(new IdRange(6, 8, 2).ids().boxed().toList(), two.added.get(0).ids().boxed().toList());
    }

    @Test
    void aNodeThatComesBackStillRunningTheSameVersionIsLeftAlone() throws Exception {
        Cluster cluster = new Cluster(directory::live);
        directory.addListener(new CatchUpOnJoin(cluster));
        directory.add(one);
        cluster.start(bundle, 1, 2, RunOptions.all());
        one.settings = null;
        clock.advance(Duration.ofSeconds(10));

        directory.beatAll();

        assertEquals(Liveness.UP, directory.liveness("one:1099"));
        assertNull(one.settings, "it was not started again");
    }
}
