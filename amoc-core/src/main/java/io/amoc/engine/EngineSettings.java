package io.amoc.engine;

import io.amoc.config.Config;
import io.amoc.config.ConfigKey;
import io.amoc.config.ConfigKeys;
import io.amoc.config.ConfigValueException;
import io.amoc.config.LatestConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
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
    private static final LatestConfig<Long> INTERARRIVAL = latest(ConfigKeys.INTERARRIVAL);
    private static final LatestConfig<Long> REPEAT_INTERVAL = latest(ConfigKeys.REPEAT_INTERVAL);
    private static final LatestConfig<Long> REPEAT_NUM = latest(ConfigKeys.REPEAT_NUM);
    private static final LatestConfig<Duration> REMOVE_GRACE_PERIOD = latest(ConfigKeys.REMOVE_GRACE_PERIOD);

    private EngineSettings() {
    }

    /** Milliseconds between two user starts on this node; 0 = all at once. */
    public static long interarrivalMillis() {
        return INTERARRIVAL.get();
    }

    /** Milliseconds a user waits between two iterations. */
    public static long repeatIntervalMillis() {
        return REPEAT_INTERVAL.get();
    }

    /** Iterations per user in all ({@link Long#MAX_VALUE} for infinity). */
    public static long repeatNum() {
        return REPEAT_NUM.get();
    }

    /** The grace period of a forced removal, in milliseconds. */
    public static long removeGracePeriodMillis() {
        return REMOVE_GRACE_PERIOD.get().toMillis();
    }

    /** The key's value, parsed again only after the configuration changed (the spawner reads one per user). */
    private static <T> LatestConfig<T> latest(ConfigKey<T> key) {
        return LatestConfig.of(config -> read(key, config));
    }

    private static <T> T read(ConfigKey<T> key, Config config) {
        try {
            return key.get(config);
        } catch (ConfigValueException e) {
            T fallback = key.defaultValue().orElseThrow();
            if (WARNED.add(e.getMessage())) {
                LOG.warn("config {}; using the default {}", e.getMessage(), key.defaultText());
            }
            return fallback;
        }
    }
}
