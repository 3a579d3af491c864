package io.amoc.shell.render;

import java.util.Locale;

/** Numbers as people read them: times with units (µs, ms, s), rates with one decimal, counts with separators. */
final class Units {

    private static final double MICROS_PER_MILLI = 1_000;
    private static final double MILLIS_PER_SECOND = 1_000;
    private static final double MICROS_PER_SECOND = 1_000_000;
    private static final double TEN = 10;

    private Units() {
    }

    /** A time in microseconds: {@code 850µs}, {@code 12.3ms}, {@code 1.25s}. */
    static String micros(long micros) {
        if (micros < MICROS_PER_MILLI) {
            return micros + "µs";
        }
        if (micros < MICROS_PER_SECOND) {
            return decimal(micros / MICROS_PER_MILLI) + "ms";
        }
        return decimal(micros / MICROS_PER_SECOND) + "s";
    }

    /** A length of time in seconds with one decimal: {@code 12.3 s}. */
    static String seconds(java.time.Duration length) {
        return String.format(Locale.ROOT, "%.1f s", length.toMillis() / MILLIS_PER_SECOND);
    }

    /** Events per second with one decimal. */
    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Three significant digits at most: 1.25, 12.3, 123. */
    private static String decimal(double value) {
        if (value < TEN) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        if (value < TEN * TEN) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
