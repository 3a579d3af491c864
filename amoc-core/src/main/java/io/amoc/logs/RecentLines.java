package io.amoc.logs;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last {@value #KEPT} log lines of this JVM, with their time, kept in memory so that the master can show what a
 * slave or the daemon logged ({@code dist.logs}, {@code local.logs}). A line is formatted when it is logged, at the
 * level it passed; an exception adds its stack trace to the line.
 */
public final class RecentLines extends AppenderBase<ILoggingEvent> {

    /** Lines kept per JVM; older ones are dropped. */
    public static final int KEPT = 2_000;
    /** The longest line kept (a huge message or stack trace is cut). */
    static final int MAX_LINE_CHARS = 8_000;

    private static volatile RecentLines installed;

    private final ArrayDeque<String> lines = new ArrayDeque<>(KEPT);
    private PatternLayoutEncoder encoder;

    static RecentLines started(LoggerContext context, String pattern) {
        RecentLines appender = new RecentLines();
        appender.setContext(context);
        appender.setName("recent");
        appender.encoder = LogSetup.encoder(context, pattern);
        appender.start();
        installed = appender;
        return appender;
    }

    /**
     * The last {@code count} lines of this JVM, oldest first (fewer when fewer were logged; none when logging was
     * set up by a file of the operator's instead of amoc's).
     */
    public static List<String> last(int count) {
        RecentLines appender = installed;
        return appender == null ? List.of() : appender.tail(count);
    }

    @Override
    protected void append(ILoggingEvent event) {
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8).stripTrailing();
        if (line.length() > MAX_LINE_CHARS) {
            line = line.substring(0, MAX_LINE_CHARS) + " ...";
        }
        synchronized (lines) {
            if (lines.size() == KEPT) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }
    }

    private List<String> tail(int count) {
        synchronized (lines) {
            List<String> all = new ArrayList<>(lines);
            return List.copyOf(all.subList(Math.max(0, all.size() - Math.max(0, count)), all.size()));
        }
    }
}
