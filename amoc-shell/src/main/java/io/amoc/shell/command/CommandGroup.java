package io.amoc.shell.command;

import java.util.List;

/**
 * A group of commands that lives beside the shell's own (e.g. dist.*, metrics): its commands, what it does when
 * {@code config.set} changes a value (e.g. push it to the slaves), and what it holds open until the shell ends.
 */
public interface CommandGroup extends AutoCloseable {

    List<Command> commands();

    /** Called after {@code config.set(key, value)}; an exception fails the command with its message. */
    default void configChanged(String key, Object value) throws Exception {
    }

    @Override
    default void close() {
    }
}
