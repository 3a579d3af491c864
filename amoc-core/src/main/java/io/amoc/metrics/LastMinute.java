package io.amoc.metrics;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * Events in the last 60 seconds, exactly to the second: a ring of one bucket per second, each holding its second
 * and its count packed in one long, updated lock-free.
 */
final class LastMinute {

    static final int SECONDS = 60;
    private static final int COUNT_BITS = 32;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;
    private static final long MILLIS_PER_SECOND = 1000;

    private final AtomicLongArray buckets = new AtomicLongArray(SECONDS);
    private final LongSupplier clockMillis;

    LastMinute(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    void add(long n) {
        long second = clockMillis.getAsLong() / MILLIS_PER_SECOND;
        int index = (int) (second % SECONDS);
        long stamp = second & COUNT_MASK;
        while (true) {
            long old = buckets.get(index);
            long count = (old >>> COUNT_BITS) == stamp ? (old & COUNT_MASK) : 0;
            long updated = (stamp << COUNT_BITS) | Math.min(COUNT_MASK, count + n);
            if (buckets.compareAndSet(index, old, updated)) {
                return;
            }
        }
    }

    /** Events counted in this second and the 59 before it. */
    long sum() {
        long now = clockMillis.getAsLong() / MILLIS_PER_SECOND;
        long total = 0;
        for (int i = 0; i < SECONDS; i++) {
            long bucket = buckets.get(i);
            long age = (now & COUNT_MASK) - (bucket >>> COUNT_BITS);
            if (bucket != 0 && age >= 0 && age < SECONDS) {
                total += bucket & COUNT_MASK;
            }
        }
        return total;
    }
}
