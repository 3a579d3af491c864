package io.amoc.rmi;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MasterWatchTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger stops = new AtomicInteger();
    private final MasterWatch watch = new MasterWatch(TIMEOUT, nanos::get, stops::incrementAndGet);
    private final MasterIdentity first = new MasterIdentity("first", "master-1");
    private final MasterIdentity second = new MasterIdentity("second", "master-2");

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    @Test
    void aMasterThatKeepsBeatingKeepsTheSlaveAndItsUsers() throws Exception {
        watch.beat(first);
        for (int i = 0; i < 10; i++) {
            advance(Duration.ofSeconds(20));
            watch.beat(first);
            assertFalse(watch.check());
        }
        assertEquals(0, stops.get());
        assertEquals(first, watch.master().orElseThrow());
    }

    @Test
    void aSilentMasterIsDroppedOnceAndTheUsersAreStopped() throws Exception {
        watch.beat(first);
        advance(TIMEOUT);
        assertFalse(watch.check(), "exactly the timeout is not yet silence");
        advance(Duration.ofMillis(1));
        assertTrue(watch.check());
        assertFalse(watch.check());
        assertEquals(1, stops.get());
        assertTrue(watch.master().isEmpty());
    }

    @Test
    void aSilentMasterIsReportedWithTheSilenceWhileAReleaseIsNot() throws Exception {
        java.util.List<String> silences = new java.util.ArrayList<>();
        MasterWatch telling = new MasterWatch(Duration.ofMillis(2500), nanos::get, stops::incrementAndGet,
                silences::add);
        telling.beat(first);
        advance(Duration.ofSeconds(3));

        assertTrue(telling.check());
        telling.beat(second);
        telling.release(second);

        assertEquals(java.util.List.of("no heartbeat for 2.5 s"), silences);
        assertEquals(1, stops.get(), "the release stops the users without a reason to report");
    }

    @Test
    void anotherMasterIsRefusedWhileTheFirstIsAliveAndAcceptedAfterItsSilence() throws Exception {
        watch.beat(first);
        advance(Duration.ofSeconds(10));
        SlaveException refused = assertThrows(SlaveException.class, () -> watch.beat(second));
        assertTrue(refused.getMessage().contains("master-1"), refused.getMessage());

        advance(TIMEOUT);
        watch.beat(second);

        assertEquals(second, watch.master().orElseThrow());
        assertEquals(1, stops.get(), "the silent master's users are stopped before the new master takes over");
    }

    @Test
    void theSameMasterReturningAfterSilenceFindsItsUsersStopped() throws Exception {
        watch.beat(first);
        advance(TIMEOUT.plusSeconds(1));
        watch.beat(first);
        assertEquals(1, stops.get());
        assertEquals(first, watch.master().orElseThrow());
    }

    @Test
    void aReleasingMasterFreesTheSlaveForTheNextMasterAtOnce() throws Exception {
        watch.beat(first);

        assertTrue(watch.release(first));
        watch.beat(second);

        assertEquals(second, watch.master().orElseThrow());
        assertEquals(1, stops.get(), "the released master's users are stopped");
    }

    @Test
    void aReleaseFromAMasterThatDoesNotOwnTheSlaveChangesNothing() throws Exception {
        watch.beat(first);

        assertFalse(watch.release(second));

        assertEquals(first, watch.master().orElseThrow());
        assertEquals(0, stops.get());
    }

    @Test
    void aTakeoverEndsTheOwnersRunAndNamesTheOwner() throws Exception {
        watch.beat(first);

        assertEquals(first, watch.takeOver(second).orElseThrow());

        assertEquals(second, watch.master().orElseThrow());
        assertEquals(1, stops.get());
        SlaveException refused = assertThrows(SlaveException.class, () -> watch.beat(first));
        assertTrue(refused.getMessage().contains("takeover=true"), refused.getMessage());
    }

    @Test
    void takingOverAFreeSlaveStopsNothing() {
        assertTrue(watch.takeOver(first).isEmpty());
        assertTrue(watch.takeOver(first).isEmpty(), "taking over from oneself is no takeover");
        assertEquals(0, stops.get());
    }
}
