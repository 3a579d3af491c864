package io.amoc.shell.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The values {@code bin/amoc run} reads from its command line: a rate ({@code 20/s}) and a length ({@code 90s}). */
final class RunArguments {

    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([a-z/]*)");
    private static final Map<String, Double> PER_SECOND = Map.of("", 1.0, "/s", 1.0, "/min", 1 / 60.0);
    private static final Map<String, Duration> UNITS = Map.of("", Duration.ofSeconds(1), "ms", Duration.ofMillis(1),
            "s", Duration.ofSeconds(1), "m", Duration.ofMinutes(1), "min", Duration.ofMinutes(1),
            "h", Duration.ofHours(1));

    private RunArguments() {
    }

    /** Users per second: {@code 20}, {@code 20/s}, {@code 600/min}. */
    static final class Rate implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            Matcher m = NUMBER_AND_UNIT.matcher(text.strip().toLowerCase(Locale.ROOT));
            Double factor = m.matches() ? PER_SECOND.get(m.group(2)) : null;
            double rate = factor == null ? 0 : Double.parseDouble(m.group(1)) * factor;
            if (!(rate > 0)) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a rate above 0: write users per"
                        + " second, e.g. 20/s (or 600/min)");
            }
            return rate;
        }
    }

    /** A length of time: {@code 90s}, {@code 500ms}, {@code 5m}, {@code 1h}; a bare number is seconds. */
    static final class Length implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            Matcher m = NUMBER_AND_UNIT.matcher(text.strip().toLowerCase(Locale.ROOT));
            Duration unit = m.matches() ? UNITS.get(m.group(2)) : null;
            double amount = unit == null ? 0 : Double.parseDouble(m.group(1));
            if (!(amount > 0)) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a length of time above 0: write"
                        + " e.g. 90s, 5m or 1h");
            }
            return Duration.ofNanos(Math.round(amount * unit.toNanos()));
        }
    }
}
