package io.amoc.command;

import io.amoc.config.ConfigKey;
import io.amoc.config.ConfigSource;

import java.util.Optional;

/**
 * One key of the configuration as {@code config.get} and {@code config.list} show it.
 *
 * @param key        the key
 * @param value      its value, empty when it is set nowhere
 * @param source     where the value came from ({@link ConfigSource#DEFAULT} when set nowhere)
 * @param registered the registry's entry, for amoc's own keys; empty for a scenario's key
 */
public record ConfigEntry(String key, Optional<Object> value, ConfigSource source, Optional<ConfigKey<?>> registered) {

    /** The default as people read it ({@code 50}, {@code this host's name}), empty for a scenario's key. */
    public Optional<String> defaultText() {
        return registered.map(ConfigKey::defaultText);
    }

    /** The registered key's one-line documentation, empty for a scenario's key. */
    public Optional<String> doc() {
        return registered.map(ConfigKey::doc);
    }
}
