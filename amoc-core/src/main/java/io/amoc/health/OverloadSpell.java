package io.amoc.health;

import java.io.Serializable;

/**
 * A time during which a generator was overloaded.
 *
 * @param startMillis when it began (epoch ms)
 * @param endMillis   when it ended, or -1 while it lasts
 * @param reason      the first reason seen, e.g. "CPU 97% for 10 s (limit 90%)"
 */
public record OverloadSpell(long startMillis, long endMillis, String reason) implements Serializable {
}
