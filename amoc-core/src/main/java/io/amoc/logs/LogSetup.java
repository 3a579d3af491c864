package io.amoc.logs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The logging of every amoc JVM (Logback, set up in code so that start-up reads no XML): one line per event on
 * stderr ({@code [INFO] GroupChat - ...}), which the console prints above its prompt, and the last lines kept in
 * memory for the master ({@link RecentLines}). Scenarios' loggers log from INFO up; amoc's own ({@code io.amoc})
 * only warnings, unless {@value #AMOC_LEVEL_PROPERTY} says otherwise (daemons log at info, with the time). Levels
 * change at run time per logger ({@link LogLevels}). {@code -Dlogback.configurationFile=...} replaces all of this.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {

    /** System property: the level of amoc's own loggers (default warn). */
    public static final String AMOC_LEVEL_PROPERTY = "amoc.log.level";
    /** System property: {@code true} puts the date and time in front of each line (daemons' log files). */
    public static final String TIME_PROPERTY = "amoc.log.time";
    /** The logger of amoc's own code. */
    public static final String AMOC_LOGGERS = "io.amoc";
    private static final String FILE_PROPERTY = "logback.configurationFile";
    private static final String PATTERN = "[%level] %logger{0} - %msg%n";
    private static final String TIMED_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} " + PATTERN;
    private static final Level DEFAULT_LEVEL = Level.INFO;
    private static final Level AMOC_DEFAULT_LEVEL = Level.WARN;
    /** Libraries that only warn: the HTTP API's server (its audit lines, logger {@code amoc.audit}, stay at info). */
    private static final String[] QUIET_LIBRARIES = {"org.eclipse.jetty", "io.javalin"};

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty(FILE_PROPERTY) != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        boolean timed = Boolean.getBoolean(TIME_PROPERTY);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(initialLevel(Logger.ROOT_LOGGER_NAME));
        root.addAppender(console(context, timed ? TIMED_PATTERN : PATTERN));
        root.addAppender(RecentLines.started(context, TIMED_PATTERN));
        context.getLogger(AMOC_LOGGERS).setLevel(initialLevel(AMOC_LOGGERS));
        for (String library : QUIET_LIBRARIES) {
            context.getLogger(library).setLevel(Level.WARN);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The level a logger is given at start: info for all, amoc's own as the system property says; null: inherited. */
    static Level initialLevel(String logger) {
        if (logger.equals(Logger.ROOT_LOGGER_NAME)) {
            return DEFAULT_LEVEL;
        }
        return logger.equals(AMOC_LOGGERS)
                ? Level.toLevel(System.getProperty(AMOC_LEVEL_PROPERTY), AMOC_DEFAULT_LEVEL) : null;
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context, String pattern) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("stderr");
        console.setTarget("System.err");   // System.err at each write, so the console's prompt-aware stream applies
        console.setEncoder(encoder(context, pattern));
        console.start();
        return console;
    }

    static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
