package io.amoc.engine;

import io.amoc.config.ConfigChanges;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One simulated user: runs {@code start} on its own virtual thread, waits {@code repeat_interval} between
 * iterations, {@code repeat_num} iterations in all. A gentle stop lets the current iteration finish (and ends a wait
 * at once); a forced stop interrupts the thread. A failed link (its connection lost) fails the user at once.
 */
final class User implements Runnable {

    private static final ThreadLocal<User> CURRENT = new ThreadLocal<>();

    private final long id;
    private final UserPool pool;
    private final ScenarioInvoker invoker;
    private final Object state;
    private final CurrentRun run;
    private volatile Thread thread;
    private volatile boolean stopRequested;
    private volatile boolean waiting;
    private volatile boolean ended;
    /** Stopped by force and still alive after the grace period. Guarded by {@code this} with {@link #ended}. */
    private boolean straggler;
    private volatile Removal removal;
    private final AtomicBoolean accounted = new AtomicBoolean();
    /** Set once the user no longer counts as alive (its thread ended, or a link failed it). */
    private final AtomicBoolean uncounted = new AtomicBoolean();
    private final AtomicReference<Throwable> linkFailure = new AtomicReference<>();
    private final UserLinks links = new UserLinks(this::linkFailed, this::scenarioFrame);

    User(long id, UserPool pool, ScenarioInvoker invoker, Object state, CurrentRun run) {
        this.id = id;
        this.pool = pool;
        this.invoker = invoker;
        this.state = state;
        this.run = run;
    }

    /** The user whose thread calls this, or null off a user's thread. */
    static User current() {
        return CURRENT.get();
    }

    private StackTraceElement scenarioFrame() {
        return invoker.frame();
    }

    CurrentRun currentRun() {
        return run;
    }

    UserLinks links() {
        return links;
    }

    /** True the first time only: the caller takes the user out of the live count. */
    boolean uncount() {
        return uncounted.compareAndSet(false, true);
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

    /**
     * A link failed (its connection was lost): the user fails now with {@code cause} (not counted when it is being
     * removed anyway), stops counting as alive, has its other links closed and its thread interrupted; it does not
     * repeat. Any thread; only the first failure counts.
     */
    private void linkFailed(Throwable cause) {
        if (ended || !linkFailure.compareAndSet(null, cause)) {
            return;
        }
        boolean removing = stopRequested;
        stopRequested = true;
        pool.lost(this, cause, removing);
        links.closeAll();
        thread.interrupt();
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
        CURRENT.set(this);
        try {
            iterate();
        } finally {
            CURRENT.remove();
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
                if (linkFailure.get() == null) {
                    pool.failed(this, e);   // a failed link counted the user's failure with its own cause
                }
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
