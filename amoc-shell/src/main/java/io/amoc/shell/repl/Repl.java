package io.amoc.shell.repl;

import io.amoc.shell.language.CommandRunner;
import io.amoc.shell.language.CompletionSource;
import io.amoc.shell.language.Reply;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The interactive shell, the same for the console and an attached client: a prompt, history, Tab completion of
 * commands and their arguments, the language's line splitting; Ctrl-C cancels the line being typed, or the command
 * that runs, Ctrl-D or {@code exit} leaves. Only the commands' runner and the completions differ: this JVM's, or the daemon's.
 */
public final class Repl {

    public static final String PROMPT = "amoc> ";
    public static final String ATTACHED_PROMPT = "amoc(attached)> ";
    private static final int HISTORY_SIZE = 2000;

    /**
     * Where the commands of a shell go and come from.
     *
     * @param runner      runs each line
     * @param completions what Tab offers
     * @param ended       asked after each command: true once the shell is to end (exit, or the daemon went away)
     * @param cancel      what Ctrl-C does while a command runs, given the shell's thread (the one waiting for it):
     *                    interrupt it (the console's own commands), or ask the daemon to cancel (an attached client)
     */
    public record Session(CommandRunner runner, CompletionSource completions, BooleanSupplier ended,
                          Consumer<Thread> cancel) {
    }

    private final Terminal terminal;
    private final Session session;
    private final String prompt;
    private final LineReader reader;

    /** A shell on {@code terminal} with the history in {@code history} (created when missing). */
    public Repl(Terminal terminal, Session session, String prompt, Path history) {
        this.terminal = terminal;
        this.session = session;
        this.prompt = prompt;
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("amoc")
                .parser(new ShellLineParser())
                .completer(new ShellCompleter(session.completions()))
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.HISTORY_SIZE, HISTORY_SIZE)
                .variable(LineReader.HISTORY_FILE_SIZE, HISTORY_SIZE)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .build();
    }

    /** Reads and runs commands until Ctrl-D or the session ends; meanwhile stderr (the log) prints above the prompt. */
    public void run() {
        PrintStream stderr = System.err;
        System.setErr(AboveThePrompt.over(reader));
        try {
            readAndRun();
        } finally {
            System.setErr(stderr);
        }
    }

    private void readAndRun() {
        Thread shellThread = Thread.currentThread();
        terminal.handle(Terminal.Signal.INT, signal -> session.cancel().accept(shellThread));
        while (!session.ended().getAsBoolean()) {
            String line;
            try {
                line = reader.readLine(prompt);
            } catch (UserInterruptException cancelled) {
                continue;
            } catch (EndOfFileException endOfInput) {
                break;
            }
            show(session.runner().run(line, this::showProgress));
            Thread.interrupted();
        }
        saveHistory();
    }

    private void showProgress(String line) {
        terminal.writer().println(line);
        terminal.flush();
    }

    private void show(Reply reply) {
        if (reply.text().isEmpty()) {
            return;
        }
        AttributedStyle style = reply.ok() ? AttributedStyle.DEFAULT : AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
        terminal.writer().println(new AttributedString(reply.text(), style).toAnsi(terminal));
        terminal.flush();
    }

    private void saveHistory() {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            terminal.writer().println("(history not saved: " + e.getMessage() + ")");
        }
    }
}
