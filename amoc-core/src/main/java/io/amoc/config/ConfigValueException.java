package io.amoc.config;

import java.util.Locale;

/** A configured value cannot be used as the key's value: the wrong type, or out of range. The message is one line. */
public final class ConfigValueException extends RuntimeException {

    /** A value that does not convert to the type a caller asked for ({@code AmocConfig.get(key, default)}). */
    public ConfigValueException(String key, Object value, Class<?> wanted) {
        super("config key '" + key + "' is " + Literal.format(value) + ", not a "
                + wanted.getSimpleName().toLowerCase(Locale.ROOT));
    }

    /** A value of the wrong shape, said in full: {@code greeting: lists may be nested at most 3 deep}. */
    public ConfigValueException(String message) {
        super(message);
    }

    /** A value a registered key refuses: {@code interarrival must be ..., got -1}. */
    public ConfigValueException(String key, Object value, String mustBe) {
        super(key + " must be " + mustBe + ", got " + Literal.format(value));
    }
}
