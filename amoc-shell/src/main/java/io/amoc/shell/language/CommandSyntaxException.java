package io.amoc.shell.language;

/** A command line that cannot be read; the message says what is wrong and how to write it instead. */
public final class CommandSyntaxException extends Exception {

    public CommandSyntaxException(String message) {
        super(message);
    }
}
