package io.amoc.shell.daemon;

import io.amoc.shell.language.CommandRunner;

import java.util.List;

/** What a master daemon serves: one shell shared by every attached client, and how to end what it runs. */
public interface DaemonShell {

    /** Runs the clients' command lines, one at a time. */
    CommandRunner runner();

    /** The names of the shell's commands, offered to attached clients for completion. */
    default List<String> commandNames() {
        return List.of();
    }

    /** Ends what the shell runs (its users, its slaves' heartbeats); called once before the daemon exits. */
    default void close() throws InterruptedException {
    }
}
