package io.amoc.engine;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The background loop that starts queued users one by one, paced by {@code interarrival} (read before each start).
 * Queuing returns at once, so status and other commands never wait for spawning.
 */
final class SpawnLoop implements Runnable {

    private static final long CLOSE_WAIT_MS = 5_000;
    private static final long MAX_SLEEP_SLICE_NS = TimeUnit.MILLISECONDS.toNanos(100);

    private final UserPool pool;
    private final SpawnQueue queue = new SpawnQueue();
    private final Thread thread;
    private volatile boolean closed;
    private long previousDue;
    private boolean first = true;

    SpawnLoop(String node, UserPool pool, ClassLoader scenarioLoader) {
        this.pool = pool;
        this.thread = Thread.ofPlatform().daemon().name("amoc-spawner-" + node).unstarted(this);
        thread.setContextClassLoader(scenarioLoader);
    }

    void begin() {
        thread.start();
    }

    /** Users started and users asked for and not started yet, read together (no lock). */
    SpawnQueue.Progress progress() {
        return queue.progress();
    }

    /** The highest queued ids, then {@code highestLive} of the rest; see {@link SpawnQueue#highestIds}. */
    long[] highestIds(int count, IntFunction<long[]> highestLive) {
        return queue.highestIds(count, highestLive);
    }

    /** Drops these ids from the queue; those that were queued. */
    List<Long> cancel(long[] ids) {
        return queue.cancel(ids);
    }

    void enqueue(IdRange ids) {
        queue.add(ids);
    }

    /** Stops spawning; once it returns no further user starts. */
    void close() {
        closed = true;
        queue.close();
        thread.interrupt();
        try {
            thread.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        try {
            while (!closed) {
                queue.awaitWork();
                waitForTurn();
                User user = queue.take(pool::admit);
                if (user != null) {
                    user.thread().start();
                }
            }
        } catch (InterruptedException closing) {
            // close() ends the loop
        }
    }

    /**
     * Waits until the next user is due. The wait is cut in slices that read {@code interarrival} again, so a
     * {@code config.set(interarrival, ...)} shortens or lengthens a wait already begun.
     */
    private void waitForTurn() throws InterruptedException {
        if (first) {
            first = false;
            previousDue = System.nanoTime();
            return;
        }
        boolean waited = false;
        while (true) {
            long now = System.nanoTime();
            long interarrival = TimeUnit.MILLISECONDS.toNanos(EngineSettings.interarrivalMillis());
            long due = Pacing.nextDue(previousDue, interarrival, now);
            if (due - now <= 0) {
                previousDue = waited ? Math.min(previousDue + interarrival, now) : due;
                return;
            }
            waited = true;
            TimeUnit.NANOSECONDS.sleep(Math.min(due - now, MAX_SLEEP_SLICE_NS));
        }
    }
}
