package io.amoc.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a node does when one of its users runs out of memory (the error is thrown by the fixture). */
class OutOfMemoryResponseTest {

    @BeforeEach
    void quickUsers() {
        Fixtures.freshConfigForQuickUsers();
    }

    @Test
    void aUserOutOfMemoryFailsTheNodeWithTheReasonStopsItsUsersAndTellsTheListener() throws Exception {
        NodeController node = new NodeController("oom-node");
        List<String> told = new CopyOnWriteArrayList<>();
        node.outOfMemoryResponse().addListener(told::add);
        node.start(Fixtures.bundle("RunsOutOfMemoryOnUserFive"), Map.of());

        node.addUsers(IdRange.of(1, 4));
        Fixtures.await("4 sleeping users", () -> node.status().usersAlive() == 4);
        node.addUsers(IdRange.of(5, 5));

        Fixtures.await("the listener to be told", () -> !told.isEmpty());
        String reason = "OutOfMemoryError (thrown by the fixture) in scenario RunsOutOfMemoryOnUserFive: its users were stopped";
        assertEquals(List.of(reason), told);
        assertEquals(NodeState.FAILED, node.status().state());
        assertEquals(reason, node.status().failureReason());
        assertEquals(0, node.status().usersAlive(), "the other users were stopped");
        assertTrue(node.outOfMemoryResponse().happened());
    }

    @Test
    void aNodeThatRanOutOfMemoryMayStartANewRunAndRespondsAgain() throws Exception {
        NodeController node = new NodeController("console-node");
        List<String> told = new CopyOnWriteArrayList<>();
        node.outOfMemoryResponse().addListener(told::add);
        for (int run = 1; run <= 2; run++) {
            node.start(Fixtures.bundle("RunsOutOfMemoryOnUserFive"), Map.of());
            node.addUsers(IdRange.of(1, 5));
            int runs = run;
            Fixtures.await("response " + run, () -> told.size() == runs);
            assertEquals(NodeState.FAILED, node.status().state());
        }
    }
}
