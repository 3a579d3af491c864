package io.amoc.config;

import java.util.Locale;

/** Where a configuration value came from, in lookup order: the first source that has a key wins. */
public enum ConfigSource {
    /** The environment: {@code AMOC_<key>} as written, or upper-cased. */
    ENVIRONMENT("env"),
    /** Set at run time ({@code config.set}, or pushed by the master to a slave). */
    RUNTIME("runtime"),
    /** The properties file ({@code conf/amoc.properties}, or {@code --config FILE}). */
    FILE("file"),
    /** Set nowhere: the registered default applies. */
    DEFAULT("default");

    private final String label;

    ConfigSource(String label) {
        this.label = label;
    }

    /** The short word shown by {@code config.list} and {@code config.get}. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
