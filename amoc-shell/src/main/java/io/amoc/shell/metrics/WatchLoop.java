package io.amoc.shell.metrics;

import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;
import org.jline.utils.NonBlockingReader;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.function.Supplier;

/** Redraws {@link WatchFrame}s on the console's terminal every refresh until a key is pressed (or Ctrl-C). */
final class WatchLoop {

    static final String FOOTER = "press any key to stop";

    private WatchLoop() {
    }

    static void run(Terminal terminal, Supplier<Sample> source, Duration refresh) throws IOException {
        Attributes saved = terminal.enterRawMode();
        try {
            draw(terminal, "collecting the first " + refresh.toMillis() + " ms...  " + FOOTER);
            Sample previous = source.get();
            while (terminal.reader().read(refresh.toMillis()) == NonBlockingReader.READ_EXPIRED) {
                Sample now = source.get();
                String footer = now.missing().isEmpty() ? FOOTER : now.missing() + "\n" + FOOTER;
                draw(terminal, WatchFrame.render(previous.snapshot(), now.snapshot(), footer));
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
