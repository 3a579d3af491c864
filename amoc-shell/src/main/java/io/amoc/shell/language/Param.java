package io.amoc.shell.language;

/**
 * One parameter of a command. Required parameters come first and are usually given by position; optional ones
 * have a default and are usually given by name ({@code force=true}). Either kind may be given either way.
 *
 * @param name         the name shown in the usage and used as {@code name=value}
 * @param type         what the value must be
 * @param defaultValue the value when not given; null for a required parameter
 */
public record Param(String name, ArgType<?> type, Object defaultValue) {

    /** A parameter that must be given. */
    public static Param required(String name, ArgType<?> type) {
        return new Param(name, type, null);
    }

    /** A parameter that may be left out. */
    public static Param optional(String name, ArgType<?> type, Object defaultValue) {
        return new Param(name, type, defaultValue);
    }

    public boolean isRequired() {
        return defaultValue == null;
    }
}
