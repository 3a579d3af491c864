package io.amoc.verdict;

import java.util.Arrays;
import java.util.Optional;

/** The comparison of a threshold. Equality is exact: thresholds compare counts, and times to whole units. */
enum Comparison {
    LESS_OR_EQUAL("<="), GREATER_OR_EQUAL(">="), EQUAL("=="), NOT_EQUAL("!="), LESS("<"), GREATER(">");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    boolean holds(double left, double right) {
        return switch (this) {
            case LESS -> left < right;
            case LESS_OR_EQUAL -> left <= right;
            case GREATER -> left > right;
            case GREATER_OR_EQUAL -> left >= right;
            case EQUAL -> left == right;
            case NOT_EQUAL -> left != right;
        };
    }

    /** The comparison whose symbol starts {@code text} at {@code at} (two-character symbols first). */
    static Optional<Comparison> at(String text, int at) {
        return Arrays.stream(values()).filter(c -> text.startsWith(c.symbol, at)).findFirst();
    }
}
