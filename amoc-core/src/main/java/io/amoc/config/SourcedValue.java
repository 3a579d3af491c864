package io.amoc.config;

/**
 * A configured value and the source it came from.
 *
 * @param value  the literal ({@link Long}, {@link Double}, {@link Boolean}, {@link String} or a list of those)
 * @param source where it was found
 */
public record SourcedValue(Object value, ConfigSource source) {
}
