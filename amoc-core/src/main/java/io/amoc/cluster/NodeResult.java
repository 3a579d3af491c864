package io.amoc.cluster;

/** What one node answered: a value, or the one-line reason it failed. */
public sealed interface NodeResult<T> {

    /** The node did the work. */
    record Ok<T>(T value) implements NodeResult<T> {
    }

    /** The node failed or could not be reached; {@code reason} is one line. */
    record Failed<T>(String reason) implements NodeResult<T> {
    }

    default boolean ok() {
        return this instanceof Ok<T>;
    }
}
