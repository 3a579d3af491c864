package io.amoc.xmpp.transport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Ends the login waits that last too long. A login connects and reads blocking without a time limit: a timed read
 * costs a timer and a poller registration on a virtual thread, and on a platform thread a switch of the socket to
 * non-blocking and back around each poll, several system calls per round trip of every login. Instead one thread
 * looks at the waits in progress every {@value #TICK_MILLIS} ms and closes the socket of one past its deadline, which
 * ends the wait at once; while no login waits, it sleeps until one does.
 */
final class LoginDeadlines {

    /** How often the waits are looked at: a deadline is kept to within this, against timeouts of seconds. */
    private static final long TICK_MILLIS = 50;
    private static final Logger LOG = LoggerFactory.getLogger(LoginDeadlines.class);
    private static final Set<LeanConnection> WAITING = ConcurrentHashMap.newKeySet();
    private static final Thread WATCHER = Thread.ofPlatform().daemon().name("xmpp-login-deadlines").unstarted(
            LoginDeadlines::watch);
    /** The watcher is parked, or about to be, because no login waits. */
    private static volatile boolean idle;

    static {
        WATCHER.start();
    }

    private LoginDeadlines() {
    }

    /** {@code connection} waits until its {@link LeanConnection#expireIfLate} deadline; watched until {@link #done}. */
    static void waiting(LeanConnection connection) {
        WAITING.add(connection);
        if (idle) {
            LockSupport.unpark(WATCHER);
        }
    }

    /** {@code connection} no longer waits. */
    static void done(LeanConnection connection) {
        WAITING.remove(connection);
    }

    private static void watch() {
        while (true) {
            if (WAITING.isEmpty()) {
                idle = true;
                if (WAITING.isEmpty()) {
                    LockSupport.park();
                }
                idle = false;
                continue;
            }
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;                        // the JVM is ending
            }
            long now = System.nanoTime();
            for (LeanConnection connection : WAITING) {
                try {
                    connection.expireIfLate(now);
                } catch (RuntimeException e) {
                    // one connection failing to close must not end the watch over every other login
                    LOG.warn("ending a late XMPP login failed: {}", e.toString());
                }
            }
        }
    }
}
