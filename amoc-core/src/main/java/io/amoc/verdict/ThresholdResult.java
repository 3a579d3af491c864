package io.amoc.verdict;

/**
 * One threshold evaluated over a run.
 *
 * @param threshold   the threshold as written
 * @param held        true when the run met it
 * @param actual      the left side's value (times in µs; NaN when it could not be read)
 * @param limit       the right side's value
 * @param time        true when the values are times (µs)
 * @param description one line: the threshold, both values with units, and whether it held
 * @param problem     why it could not be evaluated (a time never recorded), or null
 */
public record ThresholdResult(String threshold, boolean held, double actual, double limit, boolean time,
                              String description, String problem) {
}
