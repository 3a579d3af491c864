package io.amoc.shell.language;


/**
 * The kind of value a command's parameter takes, with the conversion from the parsed literal.
 * Common kinds are in {@link ArgTypes}; other command groups may define their own.
 *
 * @param <T> the Java type handed to the command
 */
public interface ArgType<T> {

    /** What a value must be, completing "Count must be ...", e.g. {@code "a positive whole number"}. */
    String description();

    /** The value to hand to the command, or an error naming what was given. */
    T convert(Argument argument) throws BadArgumentException;
}
