package io.amoc.engine;

/** When the next user may start: one every {@code interarrival}, never in a burst to catch up after a pause. */
final class Pacing {

    private Pacing() {
    }

    /**
     * The time (ns) the next user is due: {@code interarrival} after the previous due time, or now if that
     * has passed already. Sleeping past a due time therefore does not shift later ones.
     */
    static long nextDue(long previousDueNanos, long interarrivalNanos, long nowNanos) {
        long scheduled = previousDueNanos + interarrivalNanos;
        return scheduled - nowNanos > 0 ? scheduled : nowNanos;
    }
}
