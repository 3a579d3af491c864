package io.amoc.shell.language;

import io.amoc.cluster.IllegalIdRangeException;
import io.amoc.compile.ScenarioCompileException;
import io.amoc.config.ConfigValueException;
import io.amoc.config.MissingConfigException;

/**
 * The one-line text shown for a failure (several lines only for compile diagnostics, one per line as javac).
 * Expected failures (the command layer's, the compiler's, the config's) are shown by their message; any other
 * runtime exception is a fault of amoc, said so.
 */
public final class ErrorText {

    private ErrorText() {
    }

    public static String of(Throwable failure) {
        if (failure instanceof ScenarioCompileException compile) {
            return compileErrors(compile);
        }
        if (failure instanceof MissingConfigException || failure instanceof ConfigValueException
                || failure instanceof IllegalIdRangeException) {
            return describe(failure);
        }
        if (failure instanceof RuntimeException) {
            return "internal error: " + describe(failure) + " (please report it with the command that caused it)";
        }
        return describe(failure);
    }

    /** javac's lines, one per diagnostic, and the count, as javac ends. */
    private static String compileErrors(ScenarioCompileException compile) {
        int count = compile.diagnostics().size();
        if (count == 0) {
            return "the scenario does not compile: " + describe(compile);
        }
        return "the scenario does not compile:\n" + compile.getMessage() + "\n" + count + (count == 1 ? " error" : " errors");
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
