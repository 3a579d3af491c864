package io.amoc.metrics;

/** Bytes in a snapshot that do not decode to an HdrHistogram (e.g. from a different amoc version). */
public final class BadHistogramException extends RuntimeException {

    public BadHistogramException(Throwable cause) {
        super("not a compressed HdrHistogram: " + cause.getMessage(), cause);
    }
}
