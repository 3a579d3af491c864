package io.amoc.shell.repl;

import io.amoc.shell.language.CommandRunner;
import io.amoc.shell.language.Interpreter;
import io.amoc.shell.language.Reply;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.function.BooleanSupplier;

/**
 * Runs commands read line by line (stdin that is not a terminal, {@code bin/amoc console < script.txt}):
 * blank lines and {@code #} comments are skipped, each result is printed (errors on the error stream, with the
 * line number), and the first failed command stops the script.
 */
public final class ScriptRunner {

    private final CommandRunner runner;
    private final PrintStream out;
    private final PrintStream err;
    private final BooleanSupplier stopRequested;

    /** {@code stopRequested} is asked after each command (e.g. the session's {@code exit}). */
    public ScriptRunner(CommandRunner runner, PrintStream out, PrintStream err, BooleanSupplier stopRequested) {
        this.runner = runner;
        this.out = out;
        this.err = err;
        this.stopRequested = stopRequested;
    }

    /** Runs the script; true when every command it ran succeeded. */
    public boolean run(BufferedReader script) throws IOException {
        int lineNumber = 0;
        for (String line = script.readLine(); line != null; line = script.readLine()) {
            lineNumber++;
            if (Interpreter.isBlankOrComment(line)) {
                continue;
            }
            Reply reply = runner.run(line, told -> {
                out.println(told);
                out.flush();
            });
            if (!reply.ok()) {
                err.println("line " + lineNumber + ": " + reply.text());
                return false;
            }
            if (!reply.text().isEmpty()) {
                out.println(reply.text());
            }
            out.flush();
            if (stopRequested.getAsBoolean()) {
                break;
            }
        }
        return true;
    }
}
