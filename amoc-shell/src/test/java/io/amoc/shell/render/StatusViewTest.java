package io.amoc.shell.render;

import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.NodeResult;
import io.amoc.engine.NodeState;
import io.amoc.engine.NodeStatus;
import io.amoc.engine.RemovalReport;
import io.amoc.engine.UsersDropped;
import io.amoc.shell.language.Reply;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatusViewTest {

    private static final String SHA = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static <T> ClusterResult<T> results(Map<String, NodeResult<T>> byNode) {
        return new ClusterResult<>(new LinkedHashMap<>(byNode));
    }

    @Test
    void statusShowsEveryNodeWithSpawnProgressAndLongFailuresAndOverloadsBelowTheTable() {
        Map<String, NodeResult<NodeStatus>> nodes = new LinkedHashMap<>();
        nodes.put("a:7001", new NodeResult.Ok<>(new NodeStatus("a:7001", NodeState.RUNNING, null, "Chat", SHA, 40, 99, 2,
                50, 10, 0, null, "CPU 97% for 10 s (limit 90%)")));
        nodes.put("b:7001", new NodeResult.Ok<>(new NodeStatus("b:7001", NodeState.FAILED,
                "Chat.init() failed: java.io.IOException: no route", "Chat", SHA, 0, 0, 0, 0, 0)));
        nodes.put("c:7001", new NodeResult.Failed<>("c:7001 is unreachable: Connection refused"));
        nodes.put("d:7001", new NodeResult.Ok<>(new NodeStatus("d:7001", NodeState.IDLE, null, null, null, 0, 0, 0, 0, 0)));
        assertEquals("""
                node    state    scenario       users  highest id  failures  spawned  pending  generator
                a:7001  running  Chat@01234567     40          99         2    50/60       10  overloaded
                b:7001  failed   Chat@01234567      0           0         0      0/0        0  ok
                c:7001  down     -                  -           -         -        -        -  -
                d:7001  idle     -                  0           0         0      0/0        0  ok
                a:7001: generator overloaded: CPU 97% for 10 s (limit 90%); its figures may show the generator, not the server
                b:7001: failed(Chat.init() failed: java.io.IOException: no route)
                c:7001: down(c:7001 is unreachable: Connection refused)""", StatusView.render(results(nodes)));
    }

    @Test
    void stragglersAndUsersANodeStoppedOnItsOwnAreNamedBelowTheTableAndCounted() {
        long at = java.time.LocalDate.now().atTime(12, 3, 4).atZone(java.time.ZoneId.systemDefault()).toInstant()
                .toEpochMilli();
        Map<String, NodeResult<NodeStatus>> nodes = new LinkedHashMap<>();
        nodes.put("a:7001", new NodeResult.Ok<>(new NodeStatus("a:7001", NodeState.FINISHED, null, "Chat", SHA, 2, 9, 0,
                9, 0, 2, null, null)));
        nodes.put("b:7001", new NodeResult.Ok<>(new NodeStatus("b:7001", NodeState.RUNNING, null, "Chat", SHA, 0, 0, 0,
                0, 0, 0, new UsersDropped(at, 500, "Chat", "no heartbeat for 30 s"), null)));

        String status = StatusView.render(results(nodes));

        assertEquals(List.of("a:7001: 2 stragglers: users stopped by force and still alive after the grace period"
                        + " (they ignore interruption); a new run here waits for them",
                "b:7001: stopped its 500 users of Chat at 12:03:04: no heartbeat for 30 s"),
                status.lines().skip(3).toList());
        assertEquals("total: 2 users on 2 of 2 slaves, 0 failures, 2 stragglers", RunView.totals(results(nodes)));
    }

    @Test
    void theSlavesTotalsCountTheOverloadedGenerators() {
        Map<String, NodeResult<NodeStatus>> nodes = new LinkedHashMap<>();
        nodes.put("a", new NodeResult.Ok<>(new NodeStatus("a", NodeState.RUNNING, null, "Chat", SHA, 3, 5, 1, 3, 0, 0, null,
                "scheduler lag p99 80 ms (limit 50 ms)")));
        nodes.put("b", new NodeResult.Ok<>(new NodeStatus("b", NodeState.RUNNING, null, "Chat", SHA, 2, 4, 0, 2, 0)));
        assertEquals("total: 5 users on 2 of 2 slaves, 1 failure, generator overloaded on 1",
                RunView.totals(results(nodes)));
    }

    @Test
    void resultsOfManyNodesAreATableAndOneFailureFailsTheReplyWithoutHidingTheOthers() {
        Map<String, NodeResult<RemovalReport>> nodes = new LinkedHashMap<>();
        nodes.put("a", new NodeResult.Ok<>(new RemovalReport(List.of(9L, 7L), List.of())));
        nodes.put("b", new NodeResult.Failed<>("b is unreachable: timed out"));
        Reply reply = ClusterResults.reply(results(nodes), r -> "removed " + UserIds.of(r.removed()));
        assertEquals(Reply.error("""
                error: node  result
                a     removed 9, 7
                b     failed: b is unreachable: timed out
                1 of 2 nodes failed: b"""), reply);
    }

    @Test
    void theResultOfOneNodeIsOneLine() {
        assertEquals(Reply.ok("local: stopped"),
                ClusterResults.reply(results(Map.of("local", new NodeResult.Ok<Void>(null))), v -> "stopped"));
        assertEquals(Reply.error("error: it broke"),
                ClusterResults.reply(results(Map.of("local", new NodeResult.Failed<Void>("it broke"))), v -> "stopped"));
    }

    @Test
    void idsAreShownAsRangesWhenTheyFollowEachOther() {
        assertEquals("20..11", UserIds.of(List.of(20L, 19L, 18L, 17L, 16L, 15L, 14L, 13L, 12L, 11L)));
        assertEquals("5", UserIds.of(List.of(5L)));
        assertEquals("9, 7", UserIds.of(List.of(9L, 7L)));
        assertEquals("1, 3, 5, 7, 9, 11, 13, 15, ... (10 in all)",
                UserIds.of(List.of(1L, 3L, 5L, 7L, 9L, 11L, 13L, 15L, 17L, 19L)));
        assertEquals("2..8 step 3", UserIds.of(new io.amoc.engine.IdRange(2, 9, 3)));
        assertEquals("11..20", UserIds.of(io.amoc.engine.IdRange.of(11, 20)));
    }
}
