package io.amoc.scenario;

import io.amoc.config.Config;
import io.amoc.config.ConfigValueException;
import io.amoc.config.MissingConfigException;

/**
 * Configuration values for scenarios. A key is looked up, first hit wins, in: the environment
 * variable {@code AMOC_<key>} as written, then {@code AMOC_<KEY>} upper-cased; values set at run time
 * with {@code config.set(key, value)}; {@code conf/amoc.properties}; and finally the default given here.
 * Values are literals: {@code 42}, {@code 1.5}, {@code true}, {@code infinity}, {@code "text"}, {@code [1, 2]};
 * anything else is a plain string. Values are read at each call, so a {@code config.set} applies to the next one.
 *
 * <pre>{@code
 * long rooms = AmocConfig.get("rooms", 10L);                  // 10 unless set
 * if (AmocConfig.has("room_prefix")) { ... }                  // set anywhere?
 * Object port = AmocConfig.get("my_port");                    // AmocConfigException if set nowhere
 * }</pre>
 */
public final class AmocConfig {

    private AmocConfig() {
    }

    /**
     * The value of {@code key}: a {@link Long}, {@link Double}, {@link Boolean}, {@link String} or {@link java.util.List}
     * ({@code infinity} is {@link Double#POSITIVE_INFINITY}).
     *
     * @throws AmocConfigException naming the key if it is set nowhere
     */
    public static Object get(String key) {
        try {
            return Config.global().get(key);
        } catch (MissingConfigException e) {
            throw new AmocConfigException(key, e.getMessage());
        }
    }

    /**
     * The value of {@code key} converted to the type of {@code defaultValue}, or {@code defaultValue} if it is set
     * nowhere. Integers convert to Integer, Long and Double; {@code infinity} to {@code Long.MAX_VALUE} or
     * {@code Integer.MAX_VALUE}; anything to String.
     *
     * @throws AmocConfigException if the value cannot be converted, naming the key
     */
    public static <T> T get(String key, T defaultValue) {
        try {
            return Config.global().get(key, defaultValue);
        } catch (ConfigValueException e) {
            throw new AmocConfigException(key, e.getMessage());
        }
    }

    /** Whether {@code key} is set anywhere: environment, run time ({@code config.set}) or the properties file. */
    public static boolean has(String key) {
        return Config.global().has(key);
    }
}
