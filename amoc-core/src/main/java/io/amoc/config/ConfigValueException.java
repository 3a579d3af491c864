package io.amoc.config;

/** A configured value cannot be converted to the type asked for. */
public final class ConfigValueException extends RuntimeException {

    public ConfigValueException(String key, Object value, Class<?> wanted) {
        super("config key '" + key + "' is " + Literal.format(value) + ", not a " + wanted.getSimpleName().toLowerCase(java.util.Locale.ROOT));
    }
}
