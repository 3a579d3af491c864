package io.amoc.shell.language;

/**
 * What one shell command gave back: whether it succeeded, and the text to show (possibly several lines,
 * no trailing newline). A failed command's text is a one-line error with a hint.
 */
public record Reply(boolean ok, String text) {

    /** Starts the text of every failed reply. */
    public static final String ERROR_PREFIX = "error: ";

    public static Reply ok(String text) {
        return new Reply(true, text);
    }

    public static Reply error(String text) {
        return new Reply(false, text);
    }
}
