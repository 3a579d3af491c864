package io.amoc.config;

/**
 * The kind of value a registered key takes ({@link ValueTypes}): what it must be, and the conversion of a literal to
 * the Java type the code reads, which refuses what makes no sense.
 *
 * @param <T> the Java type of the value
 */
public interface ValueType<T> {

    /** What a value must be, completing "key must be ...", e.g. {@code "a whole number of milliseconds"}. */
    String description();

    /**
     * The value of {@code literal} for key {@code key}.
     *
     * @throws ConfigValueException naming the key, what it must be and what it got
     */
    T convert(String key, Object literal);
}
