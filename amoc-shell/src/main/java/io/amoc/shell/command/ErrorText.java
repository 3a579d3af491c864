package io.amoc.shell.command;

import io.amoc.config.ConfigValueException;
import io.amoc.config.MissingConfigException;

/** The one-line text shown for a failure (several lines only for compile diagnostics, one per line as javac). */
public final class ErrorText {

    private ErrorText() {
    }

    public static String of(Throwable failure) {
        if (failure instanceof MissingConfigException || failure instanceof ConfigValueException) {
            return describe(failure);
        }
        if (failure instanceof RuntimeException) {
            return "internal error: " + describe(failure) + " (please report it with the command that caused it)";
        }
        return describe(failure);
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
