package io.amoc.shell.repl;

import io.amoc.shell.attach.DetachingRunner;
import io.amoc.shell.daemon.DaemonFiles;
import io.amoc.shell.daemon.PidFile;
import io.amoc.shell.language.Reply;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

import java.io.IOException;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The interactive attached shell: prompt, command-name completion, history in var/; Ctrl-D or exit detaches. */
public final class AttachRepl {

    static final String PROMPT = "amoc(attached)> ";
    private static final int HISTORY_SIZE = 2000;

    private final DetachingRunner runner;
    private final List<String> commandNames;
    private final BooleanSupplier connectionLost;
    private final DaemonFiles files;

    public AttachRepl(DetachingRunner runner, List<String> commandNames, BooleanSupplier connectionLost, DaemonFiles files) {
        this.runner = runner;
        this.commandNames = commandNames;
        this.connectionLost = connectionLost;
        this.files = files;
    }

    public void run() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().name("amoc").system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("amoc")
                    .completer(new StringsCompleter(commandNames))
                    .variable(LineReader.HISTORY_FILE, files.varDir().resolve("attach.history"))
                    .variable(LineReader.HISTORY_SIZE, HISTORY_SIZE)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                    .build();
            terminal.writer().println("attached to the amoc daemon (pid "
                    + PidFile.read(files.pidFile()).map(String::valueOf).orElse("?")
                    + "): type help for the commands, Ctrl-D or exit detaches (the load keeps running).");
            loop(terminal, reader);
            reader.getHistory().save();
            terminal.writer().println(connectionLost.getAsBoolean()
                    ? "the daemon went away (see " + files.logFile() + ")"
                    : "detached; the daemon keeps running (bin/amoc stop ends it)");
        }
    }

    private void loop(Terminal terminal, LineReader reader) {
        while (!runner.detached() && !connectionLost.getAsBoolean()) {
            String line;
            try {
                line = reader.readLine(PROMPT);
            } catch (UserInterruptException cancelled) {
                continue;
            } catch (EndOfFileException endOfInput) {
                return;
            }
            show(terminal, runner.run(line));
        }
    }

    private static void show(Terminal terminal, Reply reply) {
        if (reply.text().isEmpty()) {
            return;
        }
        AttributedStyle style = reply.ok() ? AttributedStyle.DEFAULT : AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
        terminal.writer().println(new AttributedString(reply.text(), style).toAnsi(terminal));
        terminal.flush();
    }
}
