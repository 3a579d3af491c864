package io.amoc.xmpp.transport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Ends the login waits that last too long. A login connects and reads blocking without a time limit: a timed read
 * costs a timer and a poller registration on a virtual thread, and on a platform thread a switch of the socket to
 * non-blocking and back around each poll, several system calls per round trip of every login. Instead one thread
 * sleeps until the earliest deadline of the waits in progress and closes the socket of one past it, which ends the
 * wait at once. A new wait wakes it only when its deadline comes before the one it sleeps until, so logins that
 * answer in time (all with the same timeout, each deadline later than the last) cost it no wake-up at all.
 */
final class LoginDeadlines {

    /** How long the watcher sleeps while no login waits (a new wait wakes it). */
    private static final long IDLE_NANOS = TimeUnit.HOURS.toNanos(1);
    private static final Logger LOG = LoggerFactory.getLogger(LoginDeadlines.class);
    /** Each waiting connection and its deadline ({@link System#nanoTime()}). */
    private static final Map<LeanConnection, Long> WAITING = new ConcurrentHashMap<>();
    private static final Thread WATCHER = Thread.ofPlatform().daemon().name("xmpp-login-deadlines").unstarted(
            LoginDeadlines::watch);
    /** The watcher is looking at the waits: a wait added now is seen without a wake-up. */
    private static volatile boolean looking = true;
    /** When the watcher wakes next, unless woken before ({@link System#nanoTime()}); read while not looking. */
    private static volatile long sleepsUntil;

    static {
        WATCHER.start();
    }

    private LoginDeadlines() {
    }

    /** {@code connection} waits until {@code deadline} ({@link System#nanoTime()}); watched until {@link #done}. */
    static void waiting(LeanConnection connection, long deadline) {
        WAITING.put(connection, deadline);
        if (!looking && deadline - sleepsUntil < 0) {
            LockSupport.unpark(WATCHER);
        }
    }

    /** {@code connection} no longer waits. */
    static void done(LeanConnection connection) {
        WAITING.remove(connection);
    }

    private static void watch() {
        while (true) {
            looking = true;
            long next = expireLate(System.nanoTime());
            sleepsUntil = next;
            looking = false;
            // a wait added while looking saw looking == true and did not wake this thread: see it now
            if (earliest(next) - next < 0) {
                continue;
            }
            LockSupport.parkNanos(next - System.nanoTime());
        }
    }

    /** Ends the waits past their deadline; the earliest deadline of the others, or a while from now if none. */
    private static long expireLate(long now) {
        long earliest = now + IDLE_NANOS;
        for (Map.Entry<LeanConnection, Long> wait : WAITING.entrySet()) {
            long deadline = wait.getValue();
            if (deadline - now > 0) {
                earliest = deadline - earliest < 0 ? deadline : earliest;
            } else if (WAITING.remove(wait.getKey(), deadline)) {
                // removed first, so that a connection which has begun another wait meanwhile is left alone
                try {
                    wait.getKey().expire();
                } catch (RuntimeException e) {
                    // one connection failing to close must not end the watch over every other login
                    LOG.warn("ending a late XMPP login failed: {}", e.toString());
                }
            }
        }
        return earliest;
    }

    private static long earliest(long atLatest) {
        long earliest = atLatest;
        for (long deadline : WAITING.values()) {
            if (deadline - earliest < 0) {
                earliest = deadline;
            }
        }
        return earliest;
    }
}
