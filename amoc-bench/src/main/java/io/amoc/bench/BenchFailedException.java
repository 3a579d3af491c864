package io.amoc.bench;

/** A benchmark could not run what it measures (e.g. its scenario did not start). */
final class BenchFailedException extends Exception {

    BenchFailedException(String message) {
        super(message);
    }
}
