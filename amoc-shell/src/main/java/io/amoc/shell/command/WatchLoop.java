package io.amoc.shell.command;

import io.amoc.command.ClusterMetrics;
import io.amoc.command.CommandException;
import io.amoc.shell.render.WatchFrame;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;
import org.jline.utils.NonBlockingReader;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

/** Redraws {@link WatchFrame}s on the console's terminal every refresh until a key is pressed (or Ctrl-C). */
final class WatchLoop {

    static final String FOOTER = "press any key to stop";

    private WatchLoop() {
    }

    /** Redraws from {@code first} on; a sample that fails ends the view with that failure. */
    static void run(Terminal terminal, ClusterMetrics first, MetricsCommands.Sampler source, Duration refresh)
            throws IOException, CommandException {
        Attributes saved = terminal.enterRawMode();
        try {
            draw(terminal, "collecting the first " + refresh.toMillis() + " ms...  " + FOOTER);
            ClusterMetrics previous = first;
            while (terminal.reader().read(refresh.toMillis()) == NonBlockingReader.READ_EXPIRED) {
                ClusterMetrics now = source.sample();
                draw(terminal, WatchFrame.render(previous.snapshot(), now.snapshot(), MetricsCommands.footer(now, FOOTER)));
                previous = now;
            }
        } catch (InterruptedIOException interrupted) {
            Thread.interrupted();
        } finally {
            terminal.setAttributes(saved);
            terminal.writer().println();
            terminal.flush();
        }
    }

    private static void draw(Terminal terminal, String frame) {
        terminal.puts(InfoCmp.Capability.clear_screen);
        frame.lines().forEach(line -> terminal.writer().print(line + "\r\n"));
        terminal.flush();
    }
}
