package io.amoc.engine;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A call of scenario code (its {@code init}) on a platform thread of its own, which the caller waits for and may give
 * up on: interrupted while it waits, the caller interrupts the call, gives it a grace period to end, and then leaves it
 * behind, so that code which ignores interruption cannot hold the node (and the shell that waits for it) forever.
 * A platform thread, because a call left behind that never blocks would otherwise keep a virtual-thread carrier.
 */
final class AbandonableCall {

    private AbandonableCall() {
    }

    /** How a call the caller gave up on ended: within the grace period, or not at all. */
    static final class Cancelled extends Exception {

        private final boolean stillRunning;

        Cancelled(boolean stillRunning) {
            super(stillRunning ? "cancelled, still running" : "cancelled");
            this.stillRunning = stillRunning;
        }

        boolean stillRunning() {
            return stillRunning;
        }
    }

    /**
     * The value of {@code call}, or what it threw (an {@link Error} as it is), run on a thread named {@code name}.
     *
     * @throws Cancelled the caller was interrupted meanwhile; its interrupt flag is set again
     */
    static <T> T call(String name, Callable<T> call, long graceMillis) throws Exception, Cancelled {
        FutureTask<T> task = new FutureTask<>(call);
        Thread thread = Thread.ofPlatform().daemon().name(name).start(task);
        try {
            return task.get();
        } catch (InterruptedException e) {
            thread.interrupt();
            boolean ended = joinUninterruptibly(thread, graceMillis);
            Thread.currentThread().interrupt();
            throw new Cancelled(!ended);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof Exception thrown ? thrown : e;
        }
    }

    private static boolean joinUninterruptibly(Thread thread, long graceMillis) {
        long deadline = System.nanoTime() + graceMillis * 1_000_000;
        while (true) {
            try {
                long left = deadline - System.nanoTime();
                return left > 0 ? thread.join(java.time.Duration.ofNanos(left)) : !thread.isAlive();
            } catch (InterruptedException again) {
                // a second cancel does not shorten the grace period: the answer comes within it anyway
            }
        }
    }
}
