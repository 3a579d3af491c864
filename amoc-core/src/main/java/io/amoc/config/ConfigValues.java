package io.amoc.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules every value set at run time follows, registered key or not: a key is a word of letters, digits, '_' and
 * '.'; a value is a number, {@code true}/{@code false}, a text or a list of those, lists nested at most
 * {@value #MAX_LIST_DEPTH} deep and holding at most {@value #MAX_ELEMENTS} values and {@value #MAX_TEXT_CHARS}
 * characters of text in all; a registered key's value is one its {@link ValueType} takes. Errors are one line naming
 * the key. These limits keep every accepted value well inside what a slave reads in one call (its serial filter's
 * depth, reference and byte limits), so a value {@code config.set} takes can always be pushed.
 */
public final class ConfigValues {

    /** Deepest nesting of lists in one value ({@code [[a]]} is 2). */
    public static final int MAX_LIST_DEPTH = 3;
    /** Most values one value may hold, lists and their items counted. */
    public static final int MAX_ELEMENTS = 10_000;
    /** Most characters of text one value may hold, all its texts counted. */
    public static final int MAX_TEXT_CHARS = 1_000_000;
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private ConfigValues() {
    }

    /** True when {@code key} can name a configuration key. */
    public static boolean isKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /**
     * {@code value} as it is to be stored under {@code key}: bare words become texts, lists become plain lists.
     *
     * @throws ConfigValueException when the key cannot be a key, the value has the wrong shape, or a registered key
     *                              does not take it
     */
    public static Object checked(String key, Object value) {
        if (!isKey(key)) {
            throw new ConfigValueException("'" + key + "' is not a config key: write a word of letters, digits,"
                    + " '_' and '.', e.g. interarrival");
        }
        Object normalized = normalized(key, value, 0, new int[] {0, 0});
        Optional<ConfigKey<?>> registered = ConfigKeys.find(key);
        registered.ifPresent(k -> k.convert(normalized));
        return normalized;
    }

    /**
     * What is wrong with the registered keys' values in the environment and the file, one line each (empty when all
     * are fine): checked when a master or slave starts, so a typo in conf/amoc.properties is named at once.
     *
     * @param file how to name the properties file the config was read from
     */
    public static List<String> problems(Config config, String file) {
        List<String> problems = new ArrayList<>();
        List<ConfigKey<?>> keys = new ArrayList<>(ConfigKeys.all());
        config.knownKeys().stream().filter(k -> k.startsWith(ConfigKeys.LOG_LEVEL_PREFIX))
                .forEach(k -> ConfigKeys.find(k).ifPresent(keys::add));
        for (ConfigKey<?> key : keys) {
            config.lookup(key.name()).ifPresent(found -> {
                try {
                    key.convert(found.value());
                } catch (ConfigValueException e) {
                    problems.add(e.getMessage() + " (set in " + where(key.name(), found.source(), file) + ")");
                }
            });
        }
        return problems;
    }

    private static String where(String key, ConfigSource source, String file) {
        return switch (source) {
            case ENVIRONMENT -> "the environment, AMOC_" + key.toUpperCase(java.util.Locale.ROOT);
            case FILE -> file;
            case RUNTIME -> "the shell";
            case DEFAULT -> "the defaults";
        };
    }

    /** @param counted items and characters of text counted so far, in this order */
    private static Object normalized(String key, Object value, int depth, int[] counted) {
        if (++counted[0] > MAX_ELEMENTS) {
            throw new ConfigValueException(key + ": a value may hold at most " + MAX_ELEMENTS + " items in all");
        }
        return switch (value) {
            case Word word -> counted(key, word.text(), counted);
            case String text -> counted(key, text, counted);
            case Long number -> number;
            case Integer number -> number.longValue();
            case Double number -> number;
            case Boolean flag -> flag;
            case List<?> list -> listOf(key, list, depth + 1, counted);
            case null, default -> throw new ConfigValueException(key + " must be a number, true/false, a text or a list"
                    + " of those, got " + (value == null ? "nothing" : value.getClass().getSimpleName()));
        };
    }

    private static String counted(String key, String text, int[] counted) {
        if (text.length() > MAX_TEXT_CHARS - counted[1]) {
            throw new ConfigValueException(key + ": a value may hold at most " + MAX_TEXT_CHARS
                    + " characters of text in all (put big data in a file and set its path)");
        }
        counted[1] += text.length();
        return text;
    }

    private static List<Object> listOf(String key, List<?> list, int depth, int[] counted) {
        if (depth > MAX_LIST_DEPTH) {
            throw new ConfigValueException(key + ": lists may be nested at most " + MAX_LIST_DEPTH
                    + " deep, e.g. [[1, 2], [3]]");
        }
        List<Object> items = new ArrayList<>();
        for (Object item : list) {
            items.add(normalized(key, item, depth, counted));
        }
        return List.copyOf(items);
    }
}
