package io.amoc.shell.daemon;

import io.amoc.shell.language.CommandRunner;
import io.amoc.shell.language.CompletionSource;

import java.util.List;

/** What a master daemon serves: one shell shared by every attached client, and how to end what it runs. */
public interface DaemonShell {

    /** Runs the clients' command lines; several clients' at once, each on its own thread. */
    CommandRunner runner();

    /** What Tab offers attached clients: the same as the console's. */
    default CompletionSource completions() {
        return (line, cursor) -> List.of();
    }

    /** Ends what the shell runs (its users, its slaves' heartbeats); called once before the daemon exits. */
    default void close() throws InterruptedException {
    }
}
