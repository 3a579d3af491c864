package io.amoc.cluster;

import io.amoc.engine.NodeState;
import io.amoc.engine.NodeStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeartbeatMonitorTest {

    private static final Duration BEAT = Duration.ofSeconds(1);
    private final MutableClock clock = new MutableClock();
    private final HeartbeatMonitor monitor = new HeartbeatMonitor(BEAT, clock);
    private final NodeStatus idle = new NodeStatus("a", NodeState.IDLE, null, null, null, 0, 0, 0, 0, 0);

    @Test
    void aNodeIsDownUntilItsFirstBeatSucceeds() {
        monitor.track("a");
        assertEquals(Liveness.DOWN, monitor.liveness("a"));
        assertTrue(monitor.beatSucceeded("a", idle), "the first beat brings it up");
        assertEquals(Liveness.UP, monitor.liveness("a"));
        assertEquals(clock.instant(), monitor.views().get(0).lastSeen().orElseThrow());
    }

    @Test
    void aNodeIsDownAfterThreeMissedBeatsAndNotBefore() {
        monitor.track("a");
        monitor.beatSucceeded("a", idle);
        for (int missed = 1; missed <= 3; missed++) {
            clock.advance(BEAT);
            monitor.beatFailed("a", "connection refused");
            assertEquals(Liveness.UP, monitor.liveness("a"), "after " + missed + " missed beats");
        }
        clock.advance(Duration.ofMillis(1));
        assertEquals(Liveness.DOWN, monitor.liveness("a"));
        assertEquals("connection refused", monitor.views().get(0).problem().orElseThrow());
    }

    @Test
    void aBeatThatHangsCountsAsMissed() {
        monitor.track("a");
        monitor.beatSucceeded("a", idle);
        clock.advance(BEAT.multipliedBy(4));
        assertEquals(Liveness.DOWN, monitor.liveness("a"), "no answer at all for four beats");
    }

    @Test
    void aDownNodeComesBackUpByItselfAtItsNextSuccessfulBeat() {
        monitor.track("a");
        monitor.beatSucceeded("a", idle);
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Liveness.DOWN, monitor.liveness("a"));

        assertTrue(monitor.beatSucceeded("a", idle));
        assertFalse(monitor.beatSucceeded("a", idle), "only the transition counts as coming up");
        assertEquals(Liveness.UP, monitor.liveness("a"));
        assertTrue(monitor.views().get(0).problem().isEmpty());
    }

    @Test
    void viewsKeepTheOrderInWhichNodesWereTracked() {
        monitor.track("b");
        monitor.track("a");
        monitor.track("c");
        monitor.forget("a");
        assertEquals(java.util.List.of("b", "c"), monitor.views().stream().map(NodeView::node).toList());
    }
}
