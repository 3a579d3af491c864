package io.amoc.config;

/** A literal that cannot be read; the message says what is wrong and where (0-based column). */
public final class LiteralSyntaxException extends Exception {

    private final int column;

    public LiteralSyntaxException(String message, int column) {
        super(message);
        this.column = column;
    }

    public int column() {
        return column;
    }
}
