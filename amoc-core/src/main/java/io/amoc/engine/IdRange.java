package io.amoc.engine;

import java.io.Serializable;
import java.util.stream.LongStream;

/**
 * The user ids {@code first, first + step, ...} up to {@code last} inclusive; empty when {@code first > last}.
 * A node of N in a round-robin split gets a range with step N.
 */
public record IdRange(long first, long last, long step) implements Serializable {

    public IdRange {
        if (first < 1 || step < 1) {
            throw new IllegalArgumentException("ids start at 1 and step by at least 1: " + first + ".." + last + " step " + step);
        }
    }

    /** The consecutive ids {@code first..last}. */
    public static IdRange of(long first, long last) {
        return new IdRange(first, last, 1);
    }

    public long size() {
        return first > last ? 0 : (last - first) / step + 1;
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** The highest id in the range, or 0 when empty. */
    public long highest() {
        return isEmpty() ? 0 : first + (size() - 1) * step;
    }

    public LongStream ids() {
        return LongStream.range(0, size()).map(i -> first + i * step);
    }
}
