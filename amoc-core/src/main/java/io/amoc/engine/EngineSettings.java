package io.amoc.engine;

import io.amoc.config.Config;
import io.amoc.config.ConfigKey;
import io.amoc.config.ConfigKeys;
import io.amoc.config.ConfigValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The config keys the engine reads ({@link ConfigKeys#INTERARRIVAL}, {@link ConfigKeys#REPEAT_INTERVAL},
 * {@link ConfigKeys#REPEAT_NUM}, {@link ConfigKeys#REMOVE_GRACE_PERIOD}), each at the moment it matters, so a
 * {@code config.set} takes effect at once. {@code config.set} refuses values that make no sense; one that still
 * arrives (e.g. from a slave's own file) is logged once and the key's default is used instead.
 */
public final class EngineSettings {

    private static final Logger LOG = LoggerFactory.getLogger(EngineSettings.class);
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private EngineSettings() {
    }

    /** Milliseconds between two user starts on this node; 0 = all at once. */
    public static long interarrivalMillis() {
        return read(ConfigKeys.INTERARRIVAL);
    }

    /** Milliseconds a user waits between two iterations. */
    public static long repeatIntervalMillis() {
        return read(ConfigKeys.REPEAT_INTERVAL);
    }

    /** Iterations per user in all ({@link Long#MAX_VALUE} for infinity). */
    public static long repeatNum() {
        return read(ConfigKeys.REPEAT_NUM);
    }

    /** The grace period of a forced removal, in milliseconds. */
    public static long removeGracePeriodMillis() {
        return read(ConfigKeys.REMOVE_GRACE_PERIOD).toMillis();
    }

    private static <T> T read(ConfigKey<T> key) {
        try {
            return key.get(Config.global());
        } catch (ConfigValueException e) {
            T fallback = key.defaultValue().orElseThrow();
            if (WARNED.add(e.getMessage())) {
                LOG.warn("config {}; using the default {}", e.getMessage(), key.defaultText());
            }
            return fallback;
        }
    }
}
