package io.amoc.verdict;

import java.util.Locale;

/** A threshold's values as people read them: times with a unit, other numbers with up to three decimals. */
final class ValueText {

    private static final double MICROS_PER_MILLI = 1_000;
    private static final double MICROS_PER_SECOND = 1_000_000;

    private ValueText() {
    }

    static String of(double value, boolean time) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (!time) {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : decimals(value);
        }
        double size = Math.abs(value);
        if (size < MICROS_PER_MILLI) {
            return decimals(value) + "µs";
        }
        if (size < MICROS_PER_SECOND) {
            return decimals(value / MICROS_PER_MILLI) + "ms";
        }
        return decimals(value / MICROS_PER_SECOND) + "s";
    }

    private static String decimals(double value) {
        String text = String.format(Locale.ROOT, "%.3f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
