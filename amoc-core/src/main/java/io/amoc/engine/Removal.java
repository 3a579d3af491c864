package io.amoc.engine;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Waits for a set of users being stopped by force: each user accounts for its own end once, so the remover waits on
 * one latch instead of joining every thread.
 */
final class Removal {

    private final AtomicLong remaining;
    private final CountDownLatch done = new CountDownLatch(1);

    Removal(long users) {
        remaining = new AtomicLong(users);
        if (users == 0) {
            done.countDown();
        }
    }

    /** One of the users ended. */
    void ended() {
        if (remaining.decrementAndGet() == 0) {
            done.countDown();
        }
    }

    /** True when every user ended within {@code millis}. */
    boolean await(long millis) {
        try {
            return done.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
