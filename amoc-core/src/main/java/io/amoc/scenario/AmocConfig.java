package io.amoc.scenario;

import io.amoc.config.Config;

/**
 * Configuration values for scenarios. A key is looked up, first hit wins, in: the environment
 * variable {@code AMOC_<key>} as written, then {@code AMOC_<KEY>} upper-cased; values set at run time
 * with {@code config.set(key, value)}; {@code conf/amoc.properties}; and finally the default given here.
 * Values are literals: {@code 42}, {@code 1.5}, {@code true}, {@code infinity}, {@code "text"}, {@code [1, 2]};
 * anything else is a plain string.
 */
public final class AmocConfig {

    private AmocConfig() {
    }

    /**
     * The value of {@code key}: a {@link Long}, {@link Double}, {@link Boolean}, {@link String} or {@link java.util.List}
     * ({@code infinity} is {@link Double#POSITIVE_INFINITY}).
     *
     * @throws io.amoc.config.MissingConfigException naming the key if it is set nowhere
     */
    public static Object get(String key) {
        return Config.global().get(key);
    }

    /**
     * The value of {@code key} converted to the type of {@code defaultValue}, or {@code defaultValue} if it is set
     * nowhere. Integers convert to Integer, Long and Double; {@code infinity} to {@code Long.MAX_VALUE} or
     * {@code Integer.MAX_VALUE}; anything to String.
     *
     * @throws io.amoc.config.ConfigValueException if the value cannot be converted, naming the key
     */
    public static <T> T get(String key, T defaultValue) {
        return Config.global().get(key, defaultValue);
    }
}
