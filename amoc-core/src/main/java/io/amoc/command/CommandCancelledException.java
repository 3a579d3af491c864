package io.amoc.command;

/**
 * The caller cancelled its command (Ctrl-C, a client that went away) while it waited for another change of the same
 * target to finish; nothing of it was done.
 */
public final class CommandCancelledException extends CommandException {

    public CommandCancelledException(String operation) {
        super(operation + ": cancelled while waiting for another command to finish; nothing was done");
    }
}
