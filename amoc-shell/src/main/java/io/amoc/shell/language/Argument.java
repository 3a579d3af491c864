package io.amoc.shell.language;

/**
 * One argument of a command as parsed: the literal value ({@link Long}, {@link Double}, {@link Boolean},
 * {@link String}, {@link io.amoc.config.Word} or a {@link java.util.List} of those) and the text it was written as,
 * so that errors can quote what the user typed.
 */
public record Argument(Object value, String text) {
}
