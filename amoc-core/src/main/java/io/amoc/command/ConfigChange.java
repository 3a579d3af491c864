package io.amoc.command;

/**
 * What {@code config.set} did.
 *
 * @param key       the key
 * @param value     the value set at run time (bare words made texts)
 * @param effective the key as it reads now: an environment variable still wins over a run-time value
 */
public record ConfigChange(String key, Object value, ConfigEntry effective) {

    /** True when the value set does not apply because the environment sets the key. */
    public boolean shadowed() {
        return effective.value().map(v -> !v.equals(value)).orElse(false);
    }
}
