package io.amoc.shell.render;

import io.amoc.cluster.Liveness;
import io.amoc.cluster.NodeView;
import io.amoc.engine.NodeState;
import io.amoc.engine.NodeStatus;
import io.amoc.engine.UsersDropped;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NodesViewTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:10Z");

    @Test
    void eachSlaveIsOneRowAndTheProblemsOfDownOnesFollowTheTable() {
        NodeStatus running = new NodeStatus("a:1099", NodeState.RUNNING, null, "PingPong", "ab", 500, 999, 0, 500, 0);
        NodeStatus overloaded = new NodeStatus("10.0.0.1:1099", NodeState.RUNNING, null, "PingPong", "ab", 500, 999, 0,
                500, 0, 0, null, "heap 95% full after GC (limit 90%)");
        List<NodeView> views = List.of(
                new NodeView("a:1099", Liveness.UP, Optional.of(NOW.minusMillis(400)), Optional.of(overloaded),
                        Optional.empty()),
                new NodeView("b:1099", Liveness.DOWN, Optional.of(NOW.minusMillis(12_100)), Optional.of(running),
                        Optional.of("b:1099 is unreachable: connection refused (is the slave running?)")),
                new NodeView("c:1099", Liveness.DOWN, Optional.empty(), Optional.empty(), Optional.of("unknown host c")));

        assertEquals("""
                node    up/down  last seen   state    scenario  users  generator
                a:1099  up       0.4 s ago   running  PingPong    500  overloaded
                b:1099  down     12.1 s ago  running  PingPong    500  ok
                c:1099  down     never       -        -             -  -
                a:1099: generator overloaded: heap 95% full after GC (limit 90%); its figures may show the generator, not the server
                b:1099: connection refused (is the slave running?)
                c:1099: unknown host c""", NodesView.render(views, NOW));
    }

    @Test
    void aSlaveThatStoppedItsUsersOnItsOwnSaysWhenAndWhy() {
        long at = java.time.LocalDate.now().atTime(9, 5, 7).atZone(java.time.ZoneId.systemDefault()).toInstant()
                .toEpochMilli();
        NodeStatus dropped = new NodeStatus("a:1099", NodeState.RUNNING, null, "PingPong", "ab", 0, 999, 0, 0, 0, 0,
                new UsersDropped(at, 250, "PingPong", "no heartbeat for 30 s"), null);
        String nodes = NodesView.render(List.of(new NodeView("a:1099", Liveness.UP, Optional.of(NOW),
                Optional.of(dropped), Optional.empty())), NOW);

        assertEquals("a:1099: stopped its 250 users of PingPong at 09:05:07: no heartbeat for 30 s",
                nodes.lines().toList().getLast());
    }
}
