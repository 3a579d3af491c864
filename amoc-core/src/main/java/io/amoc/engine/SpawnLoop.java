package io.amoc.engine;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The background loop that starts queued users one by one, paced by {@code interarrival} (read before each start).
 * Queuing returns at once, so status and other commands never wait for spawning.
 */
final class SpawnLoop implements Runnable {

    private static final long CLOSE_WAIT_MS = 5_000;

    private final UserPool pool;
    private final LinkedBlockingQueue<IdRange> queue = new LinkedBlockingQueue<>();
    private final AtomicLong pending = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;
    private long previousDue = System.nanoTime();
    private boolean first = true;

    SpawnLoop(String node, UserPool pool, ClassLoader scenarioLoader) {
        this.pool = pool;
        this.thread = Thread.ofPlatform().daemon().name("amoc-spawner-" + node).unstarted(this);
        thread.setContextClassLoader(scenarioLoader);
    }

    void begin() {
        thread.start();
    }

    /** Users asked for and not started yet. */
    long pending() {
        return pending.get();
    }

    void enqueue(IdRange ids) {
        pending.addAndGet(ids.size());
        queue.add(ids);
    }

    /** Stops spawning; once it returns no further user starts. */
    void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.clear();
        pending.set(0);
    }

    @Override
    public void run() {
        try {
            while (!closed) {
                spawnAll(queue.take());
            }
        } catch (InterruptedException closing) {
            // close() ends the loop
        }
    }

    private void spawnAll(IdRange ids) throws InterruptedException {
        long size = ids.size();
        for (long k = 0; k < size && !closed; k++) {
            waitForTurn();
            if (closed) {
                return;
            }
            pool.spawn(ids.first() + k * ids.step());
            pending.decrementAndGet();
        }
    }

    private void waitForTurn() throws InterruptedException {
        long now = System.nanoTime();
        long interarrival = TimeUnit.MILLISECONDS.toNanos(EngineSettings.interarrivalMillis());
        long due = first ? now : Pacing.nextDue(previousDue, interarrival, now);
        first = false;
        previousDue = due;
        long wait = due - now;
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
