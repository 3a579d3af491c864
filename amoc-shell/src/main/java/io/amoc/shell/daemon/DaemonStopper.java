package io.amoc.shell.daemon;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Ends a daemon process and every process it started: wait, then SIGTERM, then SIGKILL. */
public final class DaemonStopper {

    /** How long a daemon gets after SIGTERM before it is killed. */
    public static final Duration TERM_GRACE = Duration.ofSeconds(15);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private DaemonStopper() {
    }

    /** True once {@code process} has ended within {@code timeout}. */
    public static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /**
     * Gives {@code process} up to {@code patience} to end by itself, then sends SIGTERM, then SIGKILL; its child
     * processes go the same way. Returns how it ended.
     */
    public static Ending stop(ProcessHandle process, Duration patience) {
        List<ProcessHandle> children = process.descendants().toList();
        Ending ending;
        if (awaitExit(process, patience)) {
            ending = Ending.BY_ITSELF;
        } else {
            process.destroy();
            if (awaitExit(process, TERM_GRACE)) {
                ending = Ending.TERMINATED;
            } else {
                process.destroyForcibly();
                awaitExit(process, KILL_WAIT);
                ending = Ending.KILLED;
            }
        }
        for (ProcessHandle child : children) {
            child.destroyForcibly();
            awaitExit(child, KILL_WAIT);
        }
        return process.isAlive() ? Ending.STILL_ALIVE : ending;
    }

    /** How a stopped daemon ended. */
    public enum Ending {
        BY_ITSELF, TERMINATED, KILLED, STILL_ALIVE
    }
}
