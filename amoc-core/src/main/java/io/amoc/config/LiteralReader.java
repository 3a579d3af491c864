package io.amoc.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads literals one after another from a text: integers ({@link Long}), decimals ({@link Double}),
 * {@code true}/{@code false}, {@code infinity} ({@link Double#POSITIVE_INFINITY}), quoted strings
 * ({@code "..."} or {@code '...'}), lists {@code [a, b]} and bare {@link Word}s.
 * The shell's command parser and the configuration share it.
 */
public final class LiteralReader {

    private final String text;
    private int pos;

    public LiteralReader(String text) {
        this(text, 0);
    }

    public LiteralReader(String text, int start) {
        this.text = text;
        this.pos = start;
    }

    /** The column of the next unread character. */
    public int position() {
        return pos;
    }

    /** Skips blanks and tells whether the text is used up. */
    public boolean atEnd() {
        skipBlanks();
        return pos >= text.length();
    }

    /** Skips blanks and returns the next character without reading it, or 0 at the end. */
    public char peek() {
        skipBlanks();
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    /** Reads the character {@code expected} after blanks, or fails saying what was found instead. */
    public void expect(char expected) throws LiteralSyntaxException {
        char found = peek();
        if (found != expected) {
            throw new LiteralSyntaxException("expected '" + expected + "' but found " + describe(found), pos);
        }
        pos++;
    }

    /** Reads the character {@code c} if it comes next (after blanks). */
    public boolean accept(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** Reads one value. */
    public Object readValue() throws LiteralSyntaxException {
        char c = peek();
        if (c == 0) {
            throw new LiteralSyntaxException("a value is missing at the end", pos);
        }
        if (c == '"' || c == '\'') {
            return readQuoted(c);
        }
        if (c == '[') {
            return readList();
        }
        if (c == '-' || c == '+' || Character.isDigit(c)) {
            return readNumber();
        }
        if (isWordChar(c)) {
            return readWordValue();
        }
        throw new LiteralSyntaxException("unexpected " + describe(c), pos);
    }

    private List<Object> readList() throws LiteralSyntaxException {
        expect('[');
        List<Object> items = new ArrayList<>();
        if (accept(']')) {
            return List.copyOf(items);
        }
        do {
            items.add(readValue());
        } while (accept(','));
        if (peek() == 0) {
            throw new LiteralSyntaxException("unclosed '[': add ']'", pos);
        }
        expect(']');
        return List.copyOf(items);
    }

    private String readQuoted(char quote) throws LiteralSyntaxException {
        int start = pos++;
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return out.toString();
            }
            if (c == '\\' && pos < text.length()) {
                char e = text.charAt(pos++);
                out.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> e;
                });
            } else {
                out.append(c);
            }
        }
        throw new LiteralSyntaxException("unclosed string: add a closing " + quote, start);
    }

    private Object readNumber() throws LiteralSyntaxException {
        int start = pos;
        if (text.charAt(pos) == '-' || text.charAt(pos) == '+') {
            pos++;
        }
        while (pos < text.length() && (isWordChar(text.charAt(pos)) || isSignAfterExponent())) {
            pos++;
        }
        String token = text.substring(start, pos);
        if (token.matches("[-+]?\\d+")) {
            BigInteger value = new BigInteger(token);
            if (value.bitLength() > 63) {
                throw new LiteralSyntaxException("number too large: " + token + " (at most " + Long.MAX_VALUE + ")", start);
            }
            return value.longValue();
        }
        if (token.matches("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            return Double.parseDouble(token);
        }
        throw new LiteralSyntaxException("not a number: " + token + ": write plain digits, e.g. 1000 or 1.5 (no unit:"
                + " the key or argument says what it counts), or quote a text, e.g. \"" + token + "\"", start);
    }

    private boolean isSignAfterExponent() {
        char c = text.charAt(pos);
        char before = text.charAt(pos - 1);
        return (c == '-' || c == '+') && (before == 'e' || before == 'E');
    }

    private Object readWordValue() {
        int start = pos;
        while (pos < text.length() && isWordChar(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(start, pos);
        return switch (word) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "infinity" -> Double.POSITIVE_INFINITY;
            default -> new Word(word);
        };
    }

    /** Reads a bare word (no keywords), e.g. a command or argument name; fails if none comes next. */
    public String readWord() throws LiteralSyntaxException {
        char c = peek();
        if (!isWordChar(c) || Character.isDigit(c)) {
            throw new LiteralSyntaxException("expected a name but found " + describe(c), pos);
        }
        int start = pos;
        while (pos < text.length() && isWordChar(text.charAt(pos)) && text.charAt(pos) != '.') {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void skipBlanks() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '/' || c == '@' || c == ':';
    }

    private static String describe(char c) {
        return c == 0 ? "the end of the line" : "'" + c + "'";
    }
}
