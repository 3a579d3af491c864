package io.amoc.command;

/**
 * An operation of the command layer refused or could not do what it was asked; the message is one line with a hint,
 * fit to show as it is. Subclasses say why: {@link BadRequestException}, {@link NoSlavesException},
 * {@link ConfigNotPushedException}.
 */
public abstract class CommandException extends Exception {

    protected CommandException(String message) {
        super(message);
    }
}
