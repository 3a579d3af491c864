package io.amoc.xmpp.transport;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that connect and log in lean connections: a few platform threads kept for the JVM, and a new virtual
 * thread when all of them are busy (a slow server never makes a login wait for a free thread). A platform thread
 * blocks in the kernel on its socket read and is woken by the kernel when the answer arrives; a virtual thread's
 * read goes through the JDK's poller and wakes a carrier thread, one more hand-off for each of the login's round
 * trips. Either way the user's own thread only waits for the step at a shallow depth (see {@link LeanConnection}).
 */
final class LoginThreads {

    /**
     * Platform login threads kept at most. Logins come in bursts even at a steady rate (a GC pause or a server's
     * stall releases the logins due meanwhile together), and a thread that has just finished is not yet waiting for
     * the next: at 100 logins/s on 2 cores, with 4 threads one login in ten overflowed to a virtual thread, whose
     * round trips each wake the poller and a carrier (7.4–7.7 voluntary context switches per login); with 16, all 16
     * were started and fewer than one login in a hundred overflowed (6.7–6.8). An idle one ends.
     */
    private static final int PLATFORM_THREADS = Math.max(16, 4 * Runtime.getRuntime().availableProcessors());
    /** A platform login thread idle this long ends. */
    private static final long IDLE_SECONDS = 30;
    private static final ExecutorService PLATFORM = new ThreadPoolExecutor(0, PLATFORM_THREADS,
            IDLE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(),
            Thread.ofPlatform().daemon().name("xmpp-login-", 1).factory());
    private static final ThreadFactory VIRTUAL = Thread.ofVirtual().name("xmpp-login").factory();

    private LoginThreads() {
    }

    /** Runs {@code step} on an idle platform login thread, or on a new virtual thread when there is none. */
    static void start(Runnable step) {
        try {
            PLATFORM.execute(step);
        } catch (RejectedExecutionException e) {
            VIRTUAL.newThread(step).start();
        }
    }
}
