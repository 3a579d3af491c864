package io.amoc.cluster;

/** User ids or counts that cannot be: ids start at 1, {@code to >= from}, counts are positive. */
public final class IllegalIdRangeException extends IllegalArgumentException {

    public IllegalIdRangeException(String message) {
        super(message);
    }
}
