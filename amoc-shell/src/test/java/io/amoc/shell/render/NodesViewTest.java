package io.amoc.shell.render;

import io.amoc.cluster.Liveness;
import io.amoc.cluster.NodeView;
import io.amoc.engine.NodeState;
import io.amoc.engine.NodeStatus;
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
                500, 0, "heap 95% full after GC (limit 90%)");
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
}
