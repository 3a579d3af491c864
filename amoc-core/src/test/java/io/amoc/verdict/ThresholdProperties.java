package io.amoc.verdict;

import io.amoc.metrics.MetricsSnapshot;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThresholdProperties {

    private static final RunFigures EMPTY_RUN =
            new RunFigures(new MetricsSnapshot("cluster", 0, 0, Map.of("sent", 10L), Map.of(), Map.of()), Duration.ofSeconds(1));

    @Property
    void anyTextIsReadOrRefusedWithOneLineNeverAnotherException(@ForAll @StringLength(max = 40) String text) {
        assertRefusedCleanlyOrRead(text);
    }

    @Property
    void textMadeOfThresholdPiecesIsReadOrRefusedWithOneLine(@ForAll("pieces") String text) {
        assertRefusedCleanlyOrRead(text);
    }

    @Property
    void aCountComparedWithItselfAlwaysHolds(@ForAll("comparisons") String comparison) throws ThresholdSyntaxException {
        ThresholdResult result = Threshold.parse("count(sent) " + comparison + " count(sent)").evaluate(EMPTY_RUN);

        assertEquals(comparison.contains("=") && !comparison.equals("!="), result.held(), result.description());
    }

    @Provide
    Arbitrary<String> pieces() {
        return Arbitraries.of("p99(", "count(", "rate(", "x", ")", " ", "<", "<=", "==", "1", "0.5", "ms", "s", "%",
                "*", "/", "+", "-", "(", "µs", "_").list().ofMaxSize(12).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> comparisons() {
        return Arbitraries.of("<", "<=", ">", ">=", "==", "!=");
    }

    private static void assertRefusedCleanlyOrRead(String text) {
        try {
            Threshold threshold = Threshold.parse(text);
            ThresholdResult result = threshold.evaluate(EMPTY_RUN);
            assertFalse(result.description().contains("\n"));
        } catch (ThresholdSyntaxException e) {
            assertTrue(e.getMessage().startsWith("threshold '"), e.getMessage());
        }
    }
}
