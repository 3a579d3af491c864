package io.amoc.rmi;

import io.amoc.config.Config;

import java.time.Duration;

/** Durations configured in seconds (decimals allowed: {@code 0.5} is half a second). */
final class ConfigDurations {

    private static final double MILLIS_PER_SECOND = 1000.0;

    private ConfigDurations() {
    }

    static Duration seconds(Config config, String key, double defaultSeconds) {
        double seconds = config.get(key, defaultSeconds);
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new io.amoc.config.ConfigValueException(key, seconds, Duration.class);
        }
        return Duration.ofMillis(Math.round(seconds * MILLIS_PER_SECOND));
    }
}
