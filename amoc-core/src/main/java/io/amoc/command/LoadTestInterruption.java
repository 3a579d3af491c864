package io.amoc.command;

/**
 * Ends a load test early from another thread, e.g. when the process is asked to end (Ctrl-C, SIGTERM): the load
 * test stops waiting for its end, stops its users as its duration passing would, judges the run an error (it did not
 * reach its end) and still writes its report. A request made while it starts cancels the start (a slow init), as
 * Ctrl-C does in the shell; one made before it starts takes effect as soon as it has started.
 *
 * <p>Only the start and the wait are interrupted: the stop, the verdict and the report that follow run undisturbed.
 */
public final class LoadTestInterruption {

    private Thread waiter;
    private boolean requested;

    /** Asks the load test to end now; false when that was asked already. */
    public synchronized boolean request() {
        if (requested) {
            return false;
        }
        requested = true;
        if (waiter != null) {
            waiter.interrupt();
        }
        return true;
    }

    /** True once {@link #request()} was called. */
    public synchronized boolean requested() {
        return requested;
    }

    /** The calling thread starts the run or waits for its end; false when it is to end already. */
    synchronized boolean enter() {
        if (requested) {
            return false;
        }
        waiter = Thread.currentThread();
        return true;
    }

    /** The start or the wait is over; an interrupt sent by {@link #request()} is cleared, so that it disturbs nothing after. */
    synchronized void leave() {
        waiter = null;
        if (requested) {
            Thread.interrupted();
        }
    }
}
