package io.amoc.verdict;

/** What a value measures, so that a time is never compared with a count by mistake. */
enum Dimension {
    /** A duration, held in microseconds (amoc's times are recorded in µs). */
    TIME,
    /** A count, a rate per second or a plain number. */
    NUMBER
}
