package io.amoc.verdict;

/**
 * A condition a run must meet, over its figures: {@code p99(message_ttd) < 500ms},
 * {@code max(connection) < 2s}, {@code rate(user_failures) == 0},
 * {@code count(messages_received) >= 0.999 * count(messages_sent)}.
 *
 * <p>Figures: {@code p50 p75 p90 p95 p99 p999 min max mean} of a time; {@code count} of a counter (0 for one of
 * amoc's own the run never counted) or of the values a time recorded; {@code rate} of a counter, per second of the
 * run. A name the run neither counted nor timed fails the threshold, named. Numbers take a
 * time unit ({@code us ms s min}) or {@code %}; arithmetic {@code + - * /} and parentheses; comparisons
 * {@code < <= > >= == !=}.
 */
public final class Threshold {

    private final String text;
    private final Expression left;
    private final Comparison comparison;
    private final Expression right;

    Threshold(String text, Expression left, Comparison comparison, Expression right) {
        this.text = text;
        this.left = left;
        this.comparison = comparison;
        this.right = right;
    }

    /** Reads a threshold; a mistake gives a one-line error naming the column. */
    public static Threshold parse(String text) throws ThresholdSyntaxException {
        return ThresholdParser.parse(text);
    }

    /** The threshold as written. */
    public String text() {
        return text;
    }

    /**
     * Evaluates both sides over {@code figures}; a time the run never recorded, or a name it neither counted nor
     * timed, fails the threshold, named.
     */
    public ThresholdResult evaluate(RunFigures figures) {
        boolean time = left.dimension() == Dimension.TIME || right.dimension() == Dimension.TIME;
        try {
            double a = left.evaluate(figures);
            double b = right.evaluate(figures);
            boolean held = !Double.isNaN(a) && !Double.isNaN(b) && comparison.holds(a, b);
            return new ThresholdResult(text, held, a, b, time, describe(a, b, time, held), null);
        } catch (UnknownFigureException e) {
            return new ThresholdResult(text, false, Double.NaN, Double.NaN, time, text + ": " + e.getMessage(),
                    e.getMessage());
        }
    }

    private String describe(double a, double b, boolean time, boolean held) {
        String values = ValueText.of(a, time) + " " + comparison.symbol() + " " + ValueText.of(b, time);
        return text + ": " + values + (held ? " (held)" : " (failed)");
    }

    @Override
    public String toString() {
        return text;
    }
}
