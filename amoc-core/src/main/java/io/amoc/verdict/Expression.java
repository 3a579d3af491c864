package io.amoc.verdict;

/** One side of a threshold: a number (with its unit), a figure of the run, or arithmetic over them. */
sealed interface Expression {

    double evaluate(RunFigures figures) throws UnknownFigureException;

    Dimension dimension();

    /** The expression as the user wrote it, normalised (single spaces). */
    String text();

    /** A number as written, e.g. {@code 500ms} (held as 500,000 µs) or {@code 0.999}. */
    record Constant(double value, Dimension dimension, String text) implements Expression {
        @Override
        public double evaluate(RunFigures figures) {
            return value;
        }
    }

    /** A statistic of a metric of the run, e.g. {@code p99(message_ttd)}. */
    record Figure(Statistic statistic, String metric) implements Expression {
        @Override
        public double evaluate(RunFigures figures) throws UnknownFigureException {
            return figures.value(statistic, metric);
        }

        @Override
        public Dimension dimension() {
            return statistic.dimension();
        }

        @Override
        public String text() {
            return statistic.spelling() + "(" + metric + ")";
        }
    }

    /** {@code left operator right}, operator one of {@code + - * /}. */
    record Operation(char operator, Expression left, Expression right, Dimension dimension) implements Expression {
        @Override
        public double evaluate(RunFigures figures) throws UnknownFigureException {
            double a = left.evaluate(figures);
            double b = right.evaluate(figures);
            return switch (operator) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                default -> b == 0 ? Double.NaN : a / b;
            };
        }

        @Override
        public String text() {
            return left.text() + " " + operator + " " + right.text();
        }
    }
}
