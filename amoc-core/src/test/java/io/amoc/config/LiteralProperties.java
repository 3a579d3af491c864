package io.amoc.config;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiteralProperties {

    @Property
    void everyLongReadsBackAsItself(@ForAll long value) throws LiteralSyntaxException {
        assertEquals(value, Literal.parse(Literal.format(value)));
    }

    @Property
    void everyStringReadsBackAsItselfWhenFormatted(@ForAll @StringLength(max = 40) String value)
            throws LiteralSyntaxException {
        assertEquals(value, Literal.parse(Literal.format(value)));
    }

    @Property
    void listsOfLiteralsReadBackAsThemselves(@ForAll("literals") List<Object> values) throws LiteralSyntaxException {
        assertEquals(values, Literal.parse(Literal.format(values)));
    }

    @Property
    void parseOrStringNeverFailsAndKeepsNonLiteralsAsTheText(@ForAll @StringLength(max = 40) String text) {
        Object value = Literal.parseOrString(text);

        assertTrue(value instanceof Long || value instanceof Double || value instanceof Boolean
                || value instanceof String || value instanceof List<?>, String.valueOf(value));
    }

    @Property
    void integersBeyondALongAreErrorsThatSayWhy(@ForAll("hugeDigits") String digits) {
        LiteralSyntaxException error = assertThrows(LiteralSyntaxException.class, () -> Literal.parse(digits));

        assertTrue(error.getMessage().startsWith("number too large"), error.getMessage());
    }

    @Property
    void aReaderReadsCommaSeparatedValuesInOrder(@ForAll("literals") List<Object> values) throws LiteralSyntaxException {
        String text = String.join(" , ", values.stream().map(Literal::format).toList());
        LiteralReader reader = new LiteralReader(text);

        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                reader.expect(',');
            }
            assertEquals(values.get(i), reader.readValue());
        }
        assertTrue(reader.atEnd());
    }

    @Provide
    Arbitrary<List<Object>> literals() {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.of(Double.POSITIVE_INFINITY).map(Object.class::cast),
                Arbitraries.strings().ofMaxLength(12).map(Object.class::cast));
        return scalar.list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> hugeDigits() {
        return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(10).map(tail -> "9223372036854775808" + tail);
    }
}
