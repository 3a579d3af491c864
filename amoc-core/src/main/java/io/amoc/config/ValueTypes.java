package io.amoc.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The kinds of value the registered keys take ({@link ConfigKeys}). Each refuses what makes no sense, with one line
 * naming the key: a negative count, a port out of range, a duration longer than a day (1e308 seconds is a typo,
 * not a plan). Durations in seconds have one parser here ({@link #seconds()}), used by every key that takes one.
 */
public final class ValueTypes {

    /** The longest duration a key accepts, in seconds: one day. */
    public static final long MAX_SECONDS = 86_400;
    /** The same in milliseconds. */
    public static final long MAX_MILLIS = MAX_SECONDS * 1_000;
    private static final double MILLIS_PER_SECOND = 1_000;
    private static final double PERCENT = 100;
    private static final int MAX_PORT = 65_535;
    /** The highest rate a key accepts, per second: one a microsecond. */
    public static final long MAX_RATE = 1_000_000;
    /** The end of a SASL mechanism's name that binds it to the TLS channel (RFC 5802), which amoc cannot do. */
    private static final String CHANNEL_BINDING_SUFFIX = "-PLUS";

    private ValueTypes() {
    }

    /** Milliseconds, 0 or more (at most a day). */
    public static ValueType<Long> millis() {
        return wholeNumber("a whole number of milliseconds from 0 to " + MAX_MILLIS, 0, MAX_MILLIS);
    }

    /** Milliseconds, 1 or more (at most a day). */
    public static ValueType<Long> positiveMillis() {
        return wholeNumber("a whole number of milliseconds from 1 to " + MAX_MILLIS, 1, MAX_MILLIS);
    }

    /** {@code true} or {@code false}. */
    public static ValueType<Boolean> bool() {
        return new Kind<>("true or false", literal -> literal instanceof Boolean b ? b : null);
    }

    /** A rate per second above 0 (decimals allowed, e.g. 0.5), at most {@value #MAX_RATE}. */
    public static ValueType<Double> positiveRate() {
        return new Kind<>("a number of times per second above 0 (decimals allowed), at most " + MAX_RATE,
                literal -> literal instanceof Long || literal instanceof Double ? rateOf(((Number) literal).doubleValue())
                        : null);
    }

    private static Double rateOf(double perSecond) {
        return perSecond > 0 && perSecond <= MAX_RATE ? perSecond : null;
    }

    /** A number of times: 1 or more, or {@code infinity} (read as {@link Long#MAX_VALUE}). */
    public static ValueType<Long> countOrInfinity() {
        String description = "a positive whole number or infinity";
        return new Kind<>(description, literal -> {
            if (literal instanceof Double d && d == Double.POSITIVE_INFINITY) {
                return Long.MAX_VALUE;
            }
            return literal instanceof Long n && n >= 1 ? n : null;
        });
    }

    /** Seconds above 0, decimals allowed ({@code 0.5}), at most a day. */
    public static ValueType<Duration> seconds() {
        return seconds("a number of seconds above 0 (decimals allowed, e.g. 0.5), at most " + MAX_SECONDS, false,
                MAX_SECONDS);
    }

    /** Seconds, 0 or more, decimals allowed, at most a day. */
    public static ValueType<Duration> secondsOrZero() {
        return secondsOrZero(MAX_SECONDS);
    }

    /** Seconds, 0 or more, decimals allowed, at most {@code maxSeconds}. */
    public static ValueType<Duration> secondsOrZero(long maxSeconds) {
        return seconds("a number of seconds from 0 to " + maxSeconds + " (decimals allowed, e.g. 0.5)", true,
                maxSeconds);
    }

    /** A percentage from 1 to 100, decimals allowed ({@code 90}, {@code 99.5}), read as a share from 0.01 to 1. */
    public static ValueType<Double> percent() {
        return new Kind<>("a percentage from 1 to 100 (decimals allowed, e.g. 90)", literal -> {
            if (!(literal instanceof Long || literal instanceof Double)) {
                return null;
            }
            double percent = ((Number) literal).doubleValue();
            return percent >= 1 && percent <= PERCENT ? percent / PERCENT : null;
        });
    }

    /** A TCP port, 1 to 65535. */
    public static ValueType<Integer> port() {
        return new Kind<>("a port from 1 to " + MAX_PORT, literal -> portOf(literal, 1));
    }

    /** A TCP port, or 0 for a free one chosen when listening. */
    public static ValueType<Integer> portOrZero() {
        return new Kind<>("a port from 1 to " + MAX_PORT + ", or 0 for a free one", literal -> portOf(literal, 0));
    }

    /** A TCP port to listen on, or 0 to not listen at all. */
    public static ValueType<Integer> portOrOff() {
        return new Kind<>("a port from 1 to " + MAX_PORT + ", or 0 to turn it off", literal -> portOf(literal, 0));
    }

    /** {@code true} or {@code false}. */
    public static ValueType<Boolean> flag() {
        return new Kind<>("true or false", literal -> literal instanceof Boolean b ? b : null);
    }

    /** A text, such as {@code example} (shown in the refusal, so that it fits the key). */
    public static ValueType<String> text(String example) {
        return new Kind<>("a text, e.g. \"" + example + "\"", literal -> literal instanceof String s ? s : null);
    }

    /** A text that is not blank, such as {@code example}. */
    public static ValueType<String> nonEmptyText(String example) {
        return new Kind<>("a text that is not empty, e.g. \"" + example + "\"",
                literal -> literal instanceof String s && !s.isBlank() ? s : null);
    }

    /**
     * A {@code String.format} pattern given the user's number (a {@code long}), e.g. {@code "user_%d"}: one that the
     * formatter refuses is refused here, when set, not at each login. {@code perUser}: it must give each user its
     * own text (a user name), so it must use the number.
     */
    public static ValueType<String> userPattern(boolean perUser, String example) {
        String description = "a String.format pattern with one %d for the user's number" + (perUser ? ""
                : " (or none: the same for every user)") + ", e.g. \"" + example + "\"";
        return new Kind<>(description, literal -> {
            if (!(literal instanceof String pattern)) {
                return null;
            }
            try {
                String first = String.format(Locale.ROOT, pattern, 1L);
                return perUser && first.equals(String.format(Locale.ROOT, pattern, 2L)) ? null : pattern;
            } catch (java.util.IllegalFormatException e) {
                return null;
            }
        });
    }

    /**
     * A SASL mechanism, written as its RFC name: one of {@code mechanisms}, or {@code ""} for the strongest the server
     * offers. A {@code -PLUS} one of them is refused with the name of the same mechanism without channel binding.
     */
    public static ValueType<String> saslMechanism(List<String> mechanisms) {
        String description = "one of " + String.join(", ", mechanisms) + ", or \"\" (the strongest the server offers)";
        Kind<String> kind = new Kind<>(description, literal -> literal instanceof String s
                && (s.isBlank() || mechanisms.contains(s.strip())) ? s.strip() : null);
        return new ValueType<>() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public String convert(String key, Object literal) {
                String without = literal instanceof String s && s.strip().endsWith(CHANNEL_BINDING_SUFFIX)
                        ? s.strip().substring(0, s.strip().length() - CHANNEL_BINDING_SUFFIX.length()) : "";
                if (mechanisms.contains(without)) {
                    throw new ConfigValueException(key + " must be " + description + ", got " + Literal.format(literal)
                            + " (amoc cannot do channel binding: use " + without + ")");
                }
                return kind.convert(key, literal);
            }
        };
    }

    /** One of {@code choices}, in any case; read back in lower case. */
    public static ValueType<String> oneOf(String... choices) {
        List<String> allowed = Arrays.stream(choices).map(c -> c.toLowerCase(Locale.ROOT)).toList();
        return new Kind<>("one of " + String.join(", ", allowed), literal -> literal instanceof String s
                && allowed.contains(s.strip().toLowerCase(Locale.ROOT)) ? s.strip().toLowerCase(Locale.ROOT) : null);
    }

    /**
     * A list of texts ({@code ["a", "b"]}); one text is a list too, split at commas ({@code "a, b"}), as an
     * environment variable is easiest written. Blank entries are dropped.
     */
    public static ValueType<List<String>> texts() {
        return new Kind<>("a list of texts, e.g. [\"a\", \"b\"]", ValueTypes::textsOf);
    }

    /** Server addresses: a list of {@code "host:port"} (or one), e.g. {@code ["127.0.0.1:5222", "127.0.0.1:5223"]}. */
    public static ValueType<List<String>> hostPorts() {
        return new Kind<>("a list of \"host:port\", e.g. [\"127.0.0.1:5222\", \"127.0.0.1:5223\"]",
                literal -> allOf(textsOf(literal), text -> NetworkAddresses.host(text) != null));
    }

    /** Local IP address literals: a list (or one), e.g. {@code ["127.0.0.2", "127.0.0.3"]}. */
    public static ValueType<List<String>> ipAddresses() {
        return new Kind<>("a list of local IP addresses, e.g. [\"127.0.0.2\", \"127.0.0.3\"]",
                literal -> allOf(textsOf(literal), NetworkAddresses::isIpLiteral));
    }

    private static List<String> allOf(List<String> texts, java.util.function.Predicate<String> valid) {
        return texts == null || !texts.stream().allMatch(valid) ? null : texts;
    }

    private static ValueType<Long> wholeNumber(String description, long min, long max) {
        return new Kind<>(description, literal -> literal instanceof Long n && n >= min && n <= max ? n : null);
    }

    private static ValueType<Duration> seconds(String description, boolean zeroAllowed, long maxSeconds) {
        return new Kind<>(description, literal -> {
            if (!(literal instanceof Long || literal instanceof Double)) {
                return null;
            }
            double seconds = ((Number) literal).doubleValue();
            boolean inRange = (zeroAllowed ? seconds >= 0 : seconds > 0) && seconds <= maxSeconds;
            return inRange ? Duration.ofMillis(Math.round(seconds * MILLIS_PER_SECOND)) : null;
        });
    }

    private static Integer portOf(Object literal, int min) {
        return literal instanceof Long n && n >= min && n <= MAX_PORT ? n.intValue() : null;
    }

    private static List<String> textsOf(Object literal) {
        List<Object> items = new ArrayList<>();
        if (literal instanceof List<?> list) {
            items.addAll(list);
        } else if (literal instanceof String s) {
            items.addAll(Arrays.asList(s.split(",")));
        } else {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (Object item : items) {
            String text = item instanceof Word word ? word.text() : item instanceof String s ? s : null;
            if (text == null) {
                return null;
            }
            if (!text.isBlank()) {
                texts.add(text.strip());
            }
        }
        return List.copyOf(texts);
    }

    /** A kind whose conversion gives null for a literal that does not fit. */
    private record Kind<T>(String description, Function<Object, T> conversion) implements ValueType<T> {

        @Override
        public T convert(String key, Object literal) {
            T value = literal == null ? null : conversion.apply(literal);
            if (value == null) {
                throw new ConfigValueException(key, literal, description);
            }
            return value;
        }
    }
}
