package io.amoc.report;

/**
 * One group of user failures with the same cause.
 *
 * @param cause       the group's key: exception class, message with numbers masked, first scenario frame
 * @param count       how many users failed with it
 * @param firstMillis when the first failed (epoch ms)
 * @param lastMillis  when the latest failed
 * @param example     one full message
 * @param stackTrace  the first failure's stack trace
 */
public record FailureRow(String cause, long count, long firstMillis, long lastMillis, String example,
                         String stackTrace) {
}
