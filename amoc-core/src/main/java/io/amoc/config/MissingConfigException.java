package io.amoc.config;

/** A key asked for without a default is set nowhere. */
public final class MissingConfigException extends RuntimeException {

    public MissingConfigException(String key) {
        super("config key '" + key + "' is not set: set AMOC_" + key.toUpperCase(java.util.Locale.ROOT)
                + ", config.set(" + key + ", ...) or add it to conf/amoc.properties");
    }
}
