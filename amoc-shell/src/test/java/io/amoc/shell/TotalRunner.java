package io.amoc.shell;

import io.amoc.shell.language.CommandRunner;
import io.amoc.shell.language.Reply;

import java.util.concurrent.atomic.AtomicLong;

/** A runner for the daemon's tests: {@code add(N)} adds N to a total and answers it; anything else fails. */
public final class TotalRunner implements CommandRunner {

    public final AtomicLong total = new AtomicLong();

    @Override
    public Reply run(String line) {
        if (line.startsWith("add(") && line.endsWith(")")) {
            long n = Long.parseLong(line.substring(4, line.length() - 1));
            return Reply.ok("total\n" + total.addAndGet(n));
        }
        return Reply.error("error: unknown command " + line + ": try add(N)");
    }
}
