package io.amoc.verdict;

import java.util.Locale;
import java.util.Map;

/**
 * Reads a threshold: {@code expression comparison expression}, where an expression is arithmetic
 * ({@code + - * /}, parentheses) over numbers ({@code 500ms}, {@code 2s}, {@code 0.999}, {@code 1%}) and figures
 * ({@code p99(message_ttd)}, {@code count(messages_sent)}, {@code rate(user_failures)}). Times and numbers are
 * kept apart: {@code p99(message_ttd) < 500} is refused (which unit?), as is adding a time to a count.
 */
final class ThresholdParser {

    private static final double PERCENT = 100.0;
    /** Time units and their length in microseconds (amoc records times in µs). */
    private static final Map<String, Double> UNITS = Map.of(
            "us", 1.0, "µs", 1.0, "ms", 1_000.0, "s", 1_000_000.0, "m", 60_000_000.0, "min", 60_000_000.0);
    private static final String UNIT_NAMES = "us, ms, s, min";

    private final String text;
    private int at;

    private ThresholdParser(String text) {
        this.text = text;
    }

    static Threshold parse(String text) throws ThresholdSyntaxException {
        ThresholdParser parser = new ThresholdParser(text);
        return parser.threshold();
    }

    private Threshold threshold() throws ThresholdSyntaxException {
        Expression left = expression();
        skipSpaces();
        int comparisonAt = at;
        Comparison comparison = Comparison.at(text, at)
                .orElseThrow(() -> problem(at < text.length() ? "expected a comparison (<, <=, >, >=, ==, !=)"
                        : "the comparison is missing: e.g. p99(message_ttd) < 500ms"));
        at += comparison.symbol().length();
        Expression right = expression();
        skipSpaces();
        if (at < text.length()) {
            throw problem("unexpected '" + text.substring(at) + "'");
        }
        if (!comparable(left, right)) {
            throw new ThresholdSyntaxException(text, comparisonAt + 1, "compares a " + name(left.dimension())
                    + " with a " + name(right.dimension()) + (right.dimension() == Dimension.NUMBER
                    && right instanceof Expression.Constant ? " (give the time a unit: ms, s...)" : ""));
        }
        return new Threshold(text.strip(), left, comparison, right);
    }

    /** Same dimension; a bare 0 compares with anything. */
    private static boolean comparable(Expression left, Expression right) {
        return left.dimension() == right.dimension() || isZero(left) || isZero(right);
    }

    private static boolean isZero(Expression e) {
        return e instanceof Expression.Constant c && c.value() == 0;
    }

    private Expression expression() throws ThresholdSyntaxException {
        Expression left = term();
        while (true) {
            skipSpaces();
            if (at >= text.length() || (peek() != '+' && peek() != '-')) {
                return left;
            }
            char operator = text.charAt(at++);
            skipSpaces();
            int rightAt = at;
            Expression right = term();
            if (!comparable(left, right)) {
                throw new ThresholdSyntaxException(text, rightAt + 1, "cannot " + (operator == '+' ? "add" : "subtract")
                        + " a " + name(right.dimension()) + (operator == '+' ? " to" : " from") + " a "
                        + name(left.dimension()));
            }
            left = new Expression.Operation(operator, left, right,
                    isZero(left) ? right.dimension() : left.dimension());
        }
    }

    private Expression term() throws ThresholdSyntaxException {
        Expression left = factor();
        while (true) {
            skipSpaces();
            if (at >= text.length() || (peek() != '*' && peek() != '/')) {
                return left;
            }
            char operator = text.charAt(at++);
            skipSpaces();
            int rightAt = at;
            Expression right = factor();
            left = new Expression.Operation(operator, left, right, product(operator, left, right, rightAt));
        }
    }

    private Dimension product(char operator, Expression left, Expression right, int rightAt)
            throws ThresholdSyntaxException {
        boolean leftTime = left.dimension() == Dimension.TIME;
        boolean rightTime = right.dimension() == Dimension.TIME;
        if (operator == '*') {
            if (leftTime && rightTime) {
                throw new ThresholdSyntaxException(text, rightAt + 1, "cannot multiply a time by a time");
            }
            return leftTime || rightTime ? Dimension.TIME : Dimension.NUMBER;
        }
        if (rightTime && !leftTime) {
            throw new ThresholdSyntaxException(text, rightAt + 1, "cannot divide a number by a time");
        }
        return leftTime && !rightTime ? Dimension.TIME : Dimension.NUMBER;
    }

    private Expression factor() throws ThresholdSyntaxException {
        skipSpaces();
        if (at >= text.length()) {
            throw problem("expected a number or a figure such as p99(message_ttd)");
        }
        char c = peek();
        if (c == '(') {
            at++;
            Expression inner = expression();
            expect(')');
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (Character.isLetter(c)) {
            return figure();
        }
        throw problem("unexpected '" + c + "'");
    }

    private Expression number() throws ThresholdSyntaxException {
        int start = at;
        while (at < text.length() && (Character.isDigit(peek()) || peek() == '.' || peek() == '_')) {
            at++;
        }
        String digits = text.substring(start, at).replace("_", "");
        double value;
        try {
            value = Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            throw new ThresholdSyntaxException(text, start + 1, "'" + digits + "' is not a number");
        }
        int unitAt = at;
        String unit = word();
        if (unit.isEmpty() && at < text.length() && peek() == '%') {
            at++;
            return new Expression.Constant(value / PERCENT, Dimension.NUMBER, digits + "%");
        }
        if (unit.isEmpty()) {
            return new Expression.Constant(value, Dimension.NUMBER, digits);
        }
        Double micros = UNITS.get(unit.toLowerCase(Locale.ROOT));
        if (micros == null) {
            throw new ThresholdSyntaxException(text, unitAt + 1, "unknown unit '" + unit + "' (units: " + UNIT_NAMES + ")");
        }
        return new Expression.Constant(value * micros, Dimension.TIME, digits + unit);
    }

    private Expression figure() throws ThresholdSyntaxException {
        int start = at;
        String name = word();
        Statistic statistic = Statistic.named(name.toLowerCase(Locale.ROOT)).orElseThrow(() ->
                new ThresholdSyntaxException(text, start + 1, "unknown figure '" + name + "' (one of: "
                        + Statistic.spellings() + ")"));
        expect('(');
        skipSpaces();
        int metricAt = at;
        while (at < text.length() && (Character.isLetterOrDigit(peek()) || "_.:-".indexOf(peek()) >= 0)) {
            at++;
        }
        String metric = text.substring(metricAt, at);
        if (metric.isEmpty()) {
            throw problem("expected the name of a time or counter, e.g. " + name + "(message_ttd)");
        }
        expect(')');
        return new Expression.Figure(statistic, metric);
    }

    /** Letters (and µ) at the current position. */
    private String word() {
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(peek()) && (at > start || !Character.isDigit(peek())))) {
            at++;
        }
        return text.substring(start, at);
    }

    private void expect(char wanted) throws ThresholdSyntaxException {
        skipSpaces();
        if (at >= text.length() || peek() != wanted) {
            throw problem("expected '" + wanted + "'");
        }
        at++;
    }

    private void skipSpaces() {
        while (at < text.length() && Character.isWhitespace(peek())) {
            at++;
        }
    }

    private char peek() {
        return text.charAt(at);
    }

    private ThresholdSyntaxException problem(String what) {
        return new ThresholdSyntaxException(text, at + 1, what);
    }

    private static String name(Dimension dimension) {
        return dimension == Dimension.TIME ? "time" : "number";
    }
}
