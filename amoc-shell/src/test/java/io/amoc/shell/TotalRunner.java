package io.amoc.shell;

import io.amoc.shell.language.CommandRunner;
import io.amoc.shell.language.Reply;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A runner for the daemon's tests: {@code add(N)} tells "adding N" (its progress), adds N to a total and answers it;
 * {@code wait} blocks until its thread is interrupted (at most a minute) and says it was cancelled; anything else
 * fails.
 */
public final class TotalRunner implements CommandRunner {

    private static final long LONGEST_WAIT_SECONDS = 60;

    public final AtomicLong total = new AtomicLong();
    /** Commands {@code wait} running now. */
    public final AtomicLong waiting = new AtomicLong();
    /** Commands {@code wait} that ended by being interrupted. */
    public final AtomicLong cancelled = new AtomicLong();

    /** {@code add(N)} tells "adding N" as its progress before it answers. */
    @Override
    public Reply run(String line, Consumer<String> progress) {
        if (line.startsWith("add(")) {
            progress.accept("adding " + line.substring(4, line.length() - 1));
        }
        return run(line);
    }

    @Override
    public Reply run(String line) {
        if (line.startsWith("add(") && line.endsWith(")")) {
            long n = Long.parseLong(line.substring(4, line.length() - 1));
            return Reply.ok("total\n" + total.addAndGet(n));
        }
        if (line.equals("wait")) {
            return waitUntilInterrupted();
        }
        return Reply.error("error: unknown command " + line + ": try add(N)");
    }

    private Reply waitUntilInterrupted() {
        waiting.incrementAndGet();
        try {
            TimeUnit.SECONDS.sleep(LONGEST_WAIT_SECONDS);
            return Reply.ok("waited a minute");
        } catch (InterruptedException e) {
            cancelled.incrementAndGet();
            Thread.currentThread().interrupt();
            return Reply.error("error: cancelled");
        } finally {
            waiting.decrementAndGet();
        }
    }
}
