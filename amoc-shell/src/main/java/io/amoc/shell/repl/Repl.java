package io.amoc.shell.repl;

import io.amoc.shell.language.ArgType;
import io.amoc.shell.language.CommandRunner;
import io.amoc.shell.language.Interpreter;
import io.amoc.shell.language.Reply;
import org.jline.reader.Completer;
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
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The interactive shell: prompt {@code amoc> }, history, Tab completion; Ctrl-C cancels the line being typed
 * (or interrupts a running {@code sleep}), Ctrl-D or {@code exit} leaves.
 */
public final class Repl {

    public static final String PROMPT = "amoc> ";
    private static final int HISTORY_SIZE = 2000;

    private final Terminal terminal;
    private final CommandRunner runner;
    private final BooleanSupplier exitRequested;
    private final LineReader reader;

    /**
     * The console's shell: commands run in this JVM.
     *
     * @param valuesOf the values to offer when completing an argument of a kind (scenario names, config keys)
     * @param history  the history file (created when missing)
     */
    public Repl(Terminal terminal, Interpreter interpreter, Function<ArgType<?>, List<String>> valuesOf, Path history) {
        this(terminal, interpreter, new ShellCompleter(interpreter, valuesOf), interpreter.session()::exitRequested,
                history);
    }

    /**
     * A shell whose commands run elsewhere (e.g. in a daemon): {@code runner} runs each line,
     * {@code exitRequested} is asked after each command.
     */
    public Repl(Terminal terminal, CommandRunner runner, Completer completer, BooleanSupplier exitRequested,
                Path history) {
        this.terminal = terminal;
        this.runner = runner;
        this.exitRequested = exitRequested;
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("amoc")
                .parser(new ShellLineParser())
                .completer(completer)
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.HISTORY_SIZE, HISTORY_SIZE)
                .variable(LineReader.HISTORY_FILE_SIZE, HISTORY_SIZE)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .build();
    }

    /** Reads and runs commands until Ctrl-D or {@code exit}; meanwhile stderr (the log) prints above the prompt. */
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
        terminal.handle(Terminal.Signal.INT, signal -> shellThread.interrupt());
        while (!exitRequested.getAsBoolean()) {
            String line;
            try {
                line = reader.readLine(PROMPT);
            } catch (UserInterruptException cancelled) {
                continue;
            } catch (EndOfFileException endOfInput) {
                break;
            }
            show(runner.run(line));
            Thread.interrupted();
        }
        saveHistory();
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
