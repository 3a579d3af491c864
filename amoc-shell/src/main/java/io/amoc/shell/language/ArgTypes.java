package io.amoc.shell.language;

import io.amoc.config.ValueTypes;
import io.amoc.config.Word;

import java.util.List;
import java.util.regex.Pattern;

/** The kinds of argument the shell's commands take. */
public final class ArgTypes {

    private static final Pattern JAVA_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern CONFIG_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final Pattern COMMAND = Pattern.compile("[A-Za-z_][A-Za-z0-9_.:]*");

    /** A number of users: 1 or more. */
    public static final ArgType<Long> COUNT = wholeNumber("a positive whole number", 1, Long.MAX_VALUE);
    /** A user id: ids start at 1. */
    public static final ArgType<Long> USER_ID = wholeNumber("a positive whole number (user ids start at 1)", 1,
            Long.MAX_VALUE);
    /** A duration in milliseconds: 0 to a day (a longer wait is a typo, and would hold its client that long). */
    public static final ArgType<Long> MILLIS = wholeNumber("a whole number of milliseconds from 0 to "
            + ValueTypes.MAX_MILLIS + " (a day)", 0, ValueTypes.MAX_MILLIS);
    /** A duration in milliseconds, 0 to a day, or {@code infinity} (no limit: read as {@link Long#MAX_VALUE}). */
    public static final ArgType<Long> MILLIS_OR_INFINITY = new ArgType<>() {
        @Override
        public String description() {
            return "a whole number of milliseconds from 0 to " + ValueTypes.MAX_MILLIS + " (a day), or infinity";
        }

        @Override
        public Long convert(Argument argument) throws BadArgumentException {
            if (argument.value() instanceof Double d && d == Double.POSITIVE_INFINITY) {
                return Long.MAX_VALUE;
            }
            return MILLIS.convert(argument);
        }
    };
    /** {@code true} or {@code false}. */
    public static final ArgType<Boolean> BOOLEAN = new Simple<>("true or false", a -> a.value() instanceof Boolean b ? b : null);
    /** A scenario's simple class name, bare or quoted. */
    public static final ArgType<String> SCENARIO = new Simple<>(
            "a scenario name: its class's simple name, e.g. MyScenario (type scenarios to list them)",
            a -> matchingName(a, JAVA_NAME));
    /** A configuration key. */
    public static final ArgType<String> CONFIG_KEY_NAME = new Simple<>(
            "a configuration key, e.g. interarrival (letters, digits, '_')", a -> matchingName(a, CONFIG_KEY));
    /** A command's name, e.g. {@code local.add}. */
    public static final ArgType<String> COMMAND_NAME = new Simple<>("a command name, e.g. local.add",
            a -> matchingName(a, COMMAND));
    /** Any text, bare or quoted. */
    public static final ArgType<String> TEXT = new Simple<>("a text, e.g. \"warm-up\"", a -> switch (a.value()) {
        case String s -> s;
        case Word w -> w.text();
        default -> null;
    });
    /** Any literal; a bare word is taken as its text, as in the configuration. */
    public static final ArgType<Object> VALUE = new Simple<>("a value (number, true/false, infinity, \"text\", [list])",
            a -> a.value() instanceof Word w ? w.text() : a.value());
    /** A list of texts, e.g. {@code ["p99(message_ttd) < 500ms"]}; a single text is a list of one. */
    public static final ArgType<List<String>> TEXTS = new Simple<>(
            "a list of texts, e.g. [\"p99(message_ttd) < 500ms\"]", ArgTypes::names);
    /** A list of names, e.g. {@code [node1, node2]}; a single name is a list of one. */
    public static final ArgType<List<String>> NAMES = new Simple<>("a list of names, e.g. [a, b]", ArgTypes::names);

    private ArgTypes() {
    }

    private static ArgType<Long> wholeNumber(String description, long min, long max) {
        return new ArgType<>() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public Long convert(Argument argument) throws BadArgumentException {
                if (argument.value() instanceof Double) {
                    throw new BadArgumentException("must be a whole number, got " + argument.text()
                            + " (write it without a decimal point or exponent, e.g. 1000)");
                }
                if (argument.value() instanceof Long n && n >= min && n <= max) {
                    return n;
                }
                throw new BadArgumentException("must be " + description + ", got " + argument.text());
            }
        };
    }

    private static String matchingName(Argument argument, Pattern pattern) {
        String text = switch (argument.value()) {
            case String s -> s;
            case Word w -> w.text();
            default -> null;
        };
        return text != null && pattern.matcher(text).matches() ? text : null;
    }

    private static List<String> names(Argument argument) {
        if (argument.value() instanceof List<?> list) {
            List<String> out = list.stream().map(v -> v instanceof Word w ? w.text() : v instanceof String s ? s : null).toList();
            return out.contains(null) ? null : out;
        }
        return switch (argument.value()) {
            case String s -> List.of(s);
            case Word w -> List.of(w.text());
            default -> null;
        };
    }

    /** A kind whose conversion gives null for a value that does not fit. */
    private record Simple<T>(String description, Conversion<T> conversion) implements ArgType<T> {

        @Override
        public T convert(Argument argument) throws BadArgumentException {
            T value = conversion.apply(argument);
            if (value == null) {
                throw new BadArgumentException("must be " + description + ", got " + argument.text());
            }
            return value;
        }
    }

    @FunctionalInterface
    private interface Conversion<T> {
        T apply(Argument argument);
    }
}
