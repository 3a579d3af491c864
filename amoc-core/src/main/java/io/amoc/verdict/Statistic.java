package io.amoc.verdict;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a threshold reads of a metric: a percentile, the min, max or mean of a time, or a count or rate. */
enum Statistic {
    P50(50), P75(75), P90(90), P95(95), P99(99), P999(99.9),
    MIN(-1), MAX(-1), MEAN(-1),
    /** A counter's total, or how many values a time recorded. */
    COUNT(-1),
    /** A counter's total per second of the run. */
    RATE(-1);

    private final double percentile;

    Statistic(double percentile) {
        this.percentile = percentile;
    }

    String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The percentile this reads (0..100), or a negative number when it is not a percentile. */
    double percentile() {
        return percentile;
    }

    /** Times give durations; counts and rates give numbers. */
    Dimension dimension() {
        return this == COUNT || this == RATE ? Dimension.NUMBER : Dimension.TIME;
    }

    /** True when the statistic reads a time's histogram (not a counter). */
    boolean ofTime() {
        return dimension() == Dimension.TIME;
    }

    static Optional<Statistic> named(String spelling) {
        return Arrays.stream(values()).filter(s -> s.spelling().equals(spelling)).findFirst();
    }

    static String spellings() {
        return Arrays.stream(values()).map(Statistic::spelling).collect(Collectors.joining(", "));
    }
}
