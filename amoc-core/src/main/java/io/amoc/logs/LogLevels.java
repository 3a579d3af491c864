package io.amoc.logs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.amoc.config.Config;
import io.amoc.config.ConfigChanges;
import io.amoc.config.ConfigKey;
import io.amoc.config.ConfigKeys;
import io.amoc.config.ConfigValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Levels of loggers at run time. A level is configuration: key {@code log_level.<logger>} (e.g.
 * {@code log_level.GroupChat = debug}, {@code log_level.root = warn}), so it comes from the properties file, the
 * environment or {@code config.set}, and a distributed run pushes it to every slave like any value. Once
 * {@link #followConfig()} ran, this JVM applies each such key now and whenever it changes; a key removed gives
 * the logger back the level it started with.
 */
public final class LogLevels {

    /** The name that stands for every logger without a level of its own. */
    public static final String ROOT = "root";
    private static final Logger LOG = LoggerFactory.getLogger(LogLevels.class);
    private static final AtomicBoolean FOLLOWING = new AtomicBoolean();

    private LogLevels() {
    }

    /** Applies the {@code log_level.*} keys of this JVM's configuration now and at every change (once per JVM). */
    public static void followConfig() {
        if (FOLLOWING.compareAndSet(false, true)) {
            ConfigChanges.addListener(LogLevels::apply);
            Config.global().knownKeys().forEach(LogLevels::apply);
        }
    }

    /** The level {@code logger} has now (inherited or its own), as a lower-case word, e.g. {@code info}. */
    public static String effectiveLevel(String logger) {
        return context().map(c -> c.getLogger(name(logger)).getEffectiveLevel().toString().toLowerCase(java.util.Locale.ROOT))
                .orElse("unknown");
    }

    private static void apply(String key) {
        if (!key.startsWith(ConfigKeys.LOG_LEVEL_PREFIX)) {
            return;
        }
        String logger = key.substring(ConfigKeys.LOG_LEVEL_PREFIX.length());
        ConfigKey<String> levelKey = ConfigKeys.logLevel(logger);
        Optional<String> level;
        try {
            level = levelKey.find(Config.global());
        } catch (ConfigValueException refused) {
            LOG.warn("config {}; the logger's level is unchanged", refused.getMessage());
            return;
        }
        context().ifPresent(c -> c.getLogger(name(logger)).setLevel(level.map(Level::toLevel)
                .orElse(LogSetup.initialLevel(name(logger)))));
    }

    private static String name(String logger) {
        return logger.equals(ROOT) ? org.slf4j.Logger.ROOT_LOGGER_NAME : logger;
    }

    /** Logback's context, absent when another slf4j back end was put on the class path. */
    private static Optional<LoggerContext> context() {
        return LoggerFactory.getILoggerFactory() instanceof LoggerContext c ? Optional.of(c) : Optional.empty();
    }
}
