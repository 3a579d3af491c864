package io.amoc.shell.language;

import io.amoc.config.Literal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommandParserProperties {

    @Provide
    Arbitrary<Object> literals() {
        Arbitrary<Object> scalars = Arbitraries.oneOf(
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.strings().ofMaxLength(20).map(Object.class::cast),
                Arbitraries.doubles().between(-1e9, 1e9).map(Object.class::cast),
                Arbitraries.just(Double.POSITIVE_INFINITY));
        return Arbitraries.oneOf(scalars, scalars.list().ofMaxSize(4).map(Object.class::cast));
    }

    @Property
    void anyLiteralFormattedAsAnArgumentIsParsedBackEqual(@ForAll("literals") Object value) throws Exception {
        Invocation call = CommandParser.parse("config.set(key, " + Literal.format(value) + ")");
        assertEquals(value, call.positional().get(1).value());
    }

    @Property
    void namedArgumentsCarryAnyLiteral(@ForAll("literals") Object value) throws Exception {
        Invocation call = CommandParser.parse("dist.do(S, 1, 2, comment=" + Literal.format(value) + ").");
        assertEquals(value, call.named().get("comment").value());
    }

    @Property
    void anyLineEitherParsesOrGivesASyntaxError(@ForAll @StringLength(max = 60) String line) {
        try {
            CommandParser.parse(line);
        } catch (CommandSyntaxException expected) {
            // the one kind of failure a line may give
        }
    }

    @Property
    void linesOfCommandLikeCharactersEitherParseOrGiveASyntaxError(@ForAll("commandish") String line) {
        try {
            CommandParser.parse(line);
        } catch (CommandSyntaxException expected) {
            // the one kind of failure a line may give
        }
    }

    @Provide
    Arbitrary<String> commandish() {
        return Arbitraries.strings().withChars("local.add(),=[]{}\"' -1e9:_;").ofMaxLength(40)
                .map(s -> List.of("local.add(", "amoc_local:remove(", "").get(Math.abs(s.hashCode()) % 3) + s);
    }
}
