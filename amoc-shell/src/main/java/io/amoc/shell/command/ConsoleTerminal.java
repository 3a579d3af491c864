package io.amoc.shell.command;

import org.jline.terminal.Terminal;

import java.util.Optional;

/** The interactive console's terminal, which {@code watch} draws on; scripts and attached clients have none. */
public final class ConsoleTerminal {

    private static volatile Terminal terminal;

    private ConsoleTerminal() {
    }

    /** Called by the interactive console once its terminal is open. */
    public static void use(Terminal console) {
        terminal = console;
    }

    static Optional<Terminal> current() {
        return Optional.ofNullable(terminal);
    }
}
