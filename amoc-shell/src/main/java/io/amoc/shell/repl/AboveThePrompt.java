package io.amoc.shell.repl;

import org.jline.reader.LineReader;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * An output stream for text written while the prompt is shown (log warnings from users, the spawn loop):
 * each complete line is printed above the prompt, so the line being typed stays intact.
 */
final class AboveThePrompt extends OutputStream {

    private final LineReader reader;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    private AboveThePrompt(LineReader reader) {
        this.reader = reader;
    }

    /** A print stream whose lines appear above the prompt of {@code reader}. */
    static PrintStream over(LineReader reader) {
        return new PrintStream(new AboveThePrompt(reader), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            String line = pending.toString(StandardCharsets.UTF_8);
            pending.reset();
            reader.printAbove(line);
        } else {
            pending.write(b);
        }
    }
}
