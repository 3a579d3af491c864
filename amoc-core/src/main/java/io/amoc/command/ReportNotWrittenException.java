package io.amoc.command;

import java.nio.file.Path;

/** A report's directory or one of its files could not be written. */
public final class ReportNotWrittenException extends CommandException {

    public ReportNotWrittenException(Path directory, Exception cause) {
        super("cannot write the report to " + directory + ": " + cause.getMessage()
                + " (choose a directory you may write to)");
        initCause(cause);
    }
}
