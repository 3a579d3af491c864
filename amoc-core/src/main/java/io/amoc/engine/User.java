package io.amoc.engine;

import io.amoc.config.ConfigChanges;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One simulated user: runs {@code start} on its own virtual thread, waits {@code repeat_interval} between
 * iterations, {@code repeat_num} iterations in all. A gentle stop lets the current iteration finish (and ends a wait
 * at once); a forced stop interrupts the thread.
 */
final class User implements Runnable {

    private final long id;
    private final UserPool pool;
    private final ScenarioInvoker invoker;
    private final Object state;
    private volatile Thread thread;
    private volatile boolean stopRequested;
    private volatile boolean waiting;
    private volatile boolean ended;
    /** Stopped by force and still alive after the grace period. Guarded by {@code this} with {@link #ended}. */
    private boolean straggler;
    private volatile Removal removal;
    private final AtomicBoolean accounted = new AtomicBoolean();
    private final UserLinks links = new UserLinks();

    User(long id, UserPool pool, ScenarioInvoker invoker, Object state) {
        this.id = id;
        this.pool = pool;
        this.invoker = invoker;
        this.state = state;
    }

    long id() {
        return id;
    }

    Thread thread() {
        return thread;
    }

    void attach(Thread userThread) {
        this.thread = userThread;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /**
     * Asks the user to stop: after its current iteration, or now ({@code force}: what it linked, such as its XMPP
     * connections, closes at once, then its thread is interrupted).
     */
    void requestStop(boolean force) {
        stopRequested = true;
        if (force) {
            links.closeAll();
        }
        if (force || waiting) {
            thread.interrupt();
        }
    }

    /** Tells {@code forced} when this user has ended (at once if it has already). */
    void reportEndTo(Removal forced) {
        removal = forced;
        if (ended) {
            accountEnd(forced);
        }
    }

    private void accountEnd(Removal forced) {
        if (forced != null && accounted.compareAndSet(false, true)) {
            forced.ended();
        }
    }

    boolean alive() {
        return !ended;
    }

    /** Marks a user that outlived its forced stop; false when it has ended meanwhile, or was marked already. */
    synchronized boolean markStraggler() {
        if (ended || straggler) {
            return false;
        }
        straggler = true;
        return true;
    }

    /** Alive and nobody asked it to stop. */
    boolean active() {
        return !ended && !stopRequested;
    }

    @Override
    public void run() {
        links.enter();
        try {
            iterate();
        } finally {
            links.leave();
            links.closeAll();
            boolean wasStraggler;
            synchronized (this) {
                ended = true;
                wasStraggler = straggler;
            }
            pool.ended(this, wasStraggler);
            accountEnd(removal);
        }
    }

    private void iterate() {
        for (long done = 0; done < EngineSettings.repeatNum(); done++) {
            if (done > 0 && !waitRepeatInterval()) {
                return;
            }
            if (stopRequested) {
                return;
            }
            try {
                invoker.start(id, state);
            } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
                pool.failed(this, e);
                return;
            } catch (OutOfMemoryError e) {
                pool.outOfMemory(e);
                return;
            }
        }
    }

    /**
     * Waits {@code repeat_interval}, read again whenever the configuration changes, so a new value applies to a wait
     * already begun (lowered from 60 s to 1 s, a user 5 s into its wait goes on at once); false when the user is being
     * stopped.
     */
    private boolean waitRepeatInterval() {
        waiting = true;
        try {
            if (stopRequested) {
                return false;
            }
            long begun = System.nanoTime();
            long seen = ConfigChanges.version();
            long interval = TimeUnit.MILLISECONDS.toNanos(EngineSettings.repeatIntervalMillis());
            if (interval == 0) {
                Thread.yield(); // lets other users have the carrier; a user that never blocks can still starve them
                return true;
            }
            for (long left = interval; left > 0; left = begun + interval - System.nanoTime()) {
                ConfigChanges.awaitChangeAfter(seen, left);
                seen = ConfigChanges.version();
                interval = TimeUnit.MILLISECONDS.toNanos(EngineSettings.repeatIntervalMillis());
            }
            return true;
        } catch (InterruptedException stopped) {
            return false;
        } finally {
            waiting = false;
        }
    }
}
