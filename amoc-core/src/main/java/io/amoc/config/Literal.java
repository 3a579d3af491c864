package io.amoc.config;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Whole-text literals: parse one value, or format one back. */
public final class Literal {

    private Literal() {
    }

    /** Parses {@code text} as exactly one literal (a bare word comes back as a {@link Word}). */
    public static Object parse(String text) throws LiteralSyntaxException {
        LiteralReader reader = new LiteralReader(text);
        Object value = reader.readValue();
        if (!reader.atEnd()) {
            throw new LiteralSyntaxException("unexpected text after the value: " + text.substring(reader.position()),
                    reader.position());
        }
        return value;
    }

    /** Parses {@code text} as a literal; anything that is not a valid literal (or is a bare word) is the plain string. */
    public static Object parseOrString(String text) {
        try {
            Object value = parse(text);
            return value instanceof Word ? text.strip() : value;
        } catch (LiteralSyntaxException notALiteral) {
            return text;
        }
    }

    /** Formats a value as the shell would read it back. */
    public static String format(Object value) {
        if (value instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (value instanceof Double d && d.isInfinite() && d > 0) {
            return "infinity";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Literal::format).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%s", d);
        }
        return String.valueOf(value);
    }
}
