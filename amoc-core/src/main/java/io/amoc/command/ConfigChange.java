package io.amoc.command;

import java.util.Optional;

/**
 * What {@code config.set} did.
 *
 * @param key       the key
 * @param value     the value set at run time (bare words made texts)
 * @param effective the key as it reads now: an environment variable still wins over a run-time value
 * @param resembles for a key that is not amoc's, the one of amoc's it is a letter or two away from, if any
 *                  ({@code interarival}: {@code interarrival}): set all the same, as a scenario's own key, but most
 *                  likely a typo whose value amoc will not read
 */
public record ConfigChange(String key, Object value, ConfigEntry effective, Optional<String> resembles) {

    /**
     * What the person who set the key should know, in the words every front end shows: for a key that is not amoc's
     * but resembles one, {@code not one of amoc's keys, so only a scenario that reads it sees it: did you mean
     * interarrival?}.
     */
    public Optional<String> hint() {
        return resembles.map(key -> "not one of amoc's keys, so only a scenario that reads it sees it: did you mean "
                + key + "?");
    }

    /** True when the value set does not apply because the environment sets the key. */
    public boolean shadowed() {
        return effective.value().map(v -> !v.equals(value)).orElse(false);
    }
}
