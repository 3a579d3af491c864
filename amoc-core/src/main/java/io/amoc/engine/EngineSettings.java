package io.amoc.engine;

import io.amoc.config.Config;
import io.amoc.config.ConfigValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The config keys the engine reads, each at the moment it matters (so a {@code config.set} takes effect at once).
 * A value of the wrong type or out of range is logged once and the default is used instead.
 */
public final class EngineSettings {

    /** Milliseconds between two user starts on a node; 0 = all at once. */
    public static final String INTERARRIVAL = "interarrival";
    /** Milliseconds a user waits between two iterations of {@code start}. */
    public static final String REPEAT_INTERVAL = "repeat_interval";
    /** How many times each user runs {@code start} in all; {@code infinity} = forever. */
    public static final String REPEAT_NUM = "repeat_num";
    /** Seconds a forcibly removed user has to end before it is reported as a straggler. */
    public static final String REMOVE_GRACE_PERIOD = "remove_grace_period";

    public static final long DEFAULT_INTERARRIVAL_MS = 50;
    public static final long DEFAULT_REPEAT_INTERVAL_MS = 60_000;
    public static final long DEFAULT_REPEAT_NUM = Long.MAX_VALUE;
    public static final double DEFAULT_REMOVE_GRACE_PERIOD_S = 2.0;

    private static final Logger LOG = LoggerFactory.getLogger(EngineSettings.class);
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private EngineSettings() {
    }

    public static long interarrivalMillis() {
        return nonNegative(INTERARRIVAL, DEFAULT_INTERARRIVAL_MS);
    }

    public static long repeatIntervalMillis() {
        return nonNegative(REPEAT_INTERVAL, DEFAULT_REPEAT_INTERVAL_MS);
    }

    public static long repeatNum() {
        return nonNegative(REPEAT_NUM, DEFAULT_REPEAT_NUM);
    }

    /** The grace period in milliseconds. */
    public static long removeGracePeriodMillis() {
        double seconds;
        try {
            seconds = Config.global().get(REMOVE_GRACE_PERIOD, DEFAULT_REMOVE_GRACE_PERIOD_S);
        } catch (ConfigValueException e) {
            return warnAndDefault(REMOVE_GRACE_PERIOD, e.getMessage(), (long) (DEFAULT_REMOVE_GRACE_PERIOD_S * 1000));
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            return warnAndDefault(REMOVE_GRACE_PERIOD, "must be a number of seconds >= 0, is " + seconds,
                    (long) (DEFAULT_REMOVE_GRACE_PERIOD_S * 1000));
        }
        return Math.round(seconds * 1000);
    }

    private static long nonNegative(String key, long defaultValue) {
        long value;
        try {
            value = Config.global().get(key, defaultValue);
        } catch (ConfigValueException e) {
            return warnAndDefault(key, e.getMessage(), defaultValue);
        }
        if (value < 0) {
            return warnAndDefault(key, "must be >= 0, is " + value, defaultValue);
        }
        return value;
    }

    private static long warnAndDefault(String key, String problem, long defaultValue) {
        if (WARNED.add(key + "=" + problem)) {
            LOG.warn("config {}: {}; using the default {}", key, problem, defaultValue);
        }
        return defaultValue;
    }
}
