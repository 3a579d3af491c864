package io.amoc.verdict;

/** A threshold that cannot be read; the message is one line naming the column and what was expected. */
public final class ThresholdSyntaxException extends Exception {

    public ThresholdSyntaxException(String threshold, int column, String problem) {
        super("threshold '" + threshold + "': " + problem + " at column " + column);
    }
}
