package io.amoc.metrics;

/** A graphite_* config value that cannot be used (a port out of range, an interval that is not positive). */
public final class BadGraphiteConfigException extends RuntimeException {

    public BadGraphiteConfigException(String key, Object value, String hint) {
        super("config " + key + " = " + value + ": " + hint);
    }
}
