package io.amoc.shell.language;

import io.amoc.config.Literal;
import io.amoc.config.Word;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

    @Property(tries = 300)
    void anyLiteralFormattedAsAnArgumentIsParsedBackEqual(@ForAll("literals") Object value) throws Exception {
        Invocation call = CommandParser.parse("config.set(key, " + Literal.format(value) + ")");
        assertEquals(value, call.positional().get(1).value());
    }

    @Property(tries = 300)
    void namedArgumentsCarryAnyLiteral(@ForAll("literals") Object value) throws Exception {
        Invocation call = CommandParser.parse("dist.do(S, 1, 2, comment=" + Literal.format(value) + ").");
        assertEquals(value, call.named().get("comment").value());
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
                .filter(n -> !List.of("true", "false", "infinity").contains(n));
    }

    @Provide
    Arbitrary<Object> arguments() {
        return Arbitraries.oneOf(literals(), names().map(n -> (Object) new Word(n)));
    }

    @Property(tries = 300)
    void anyCallWrittenTheShellsWayOrAmocsWayParsesBackToTheSameInvocation(
            @ForAll("names") String command, @ForAll("names") String area,
            @ForAll @Size(max = 4) List<@From("arguments") Object> positional,
            @ForAll @Size(max = 3) Map<@From("names") String, @From("arguments") Object> named)
            throws Exception {
        String args = Stream.concat(positional.stream().map(Literal::format),
                named.entrySet().stream().map(e -> e.getKey() + "=" + Literal.format(e.getValue())))
                .collect(Collectors.joining(", "));
        String options = named.entrySet().stream().map(e -> "{" + e.getKey() + ", " + Literal.format(e.getValue()) + "}")
                .collect(Collectors.joining(", ", "[", "]"));
        String amocArgs = Stream.concat(positional.stream().map(Literal::format),
                named.isEmpty() ? Stream.empty() : Stream.of(options))
                .collect(Collectors.joining(", "));
        Invocation shells = CommandParser.parse("local." + command + "(" + args + ")");
        Invocation amocs = CommandParser.parse("amoc_local:" + command + "(" + amocArgs + ").");
        for (Invocation call : List.of(shells, amocs)) {
            assertEquals("local." + command, call.name());
            assertEquals(positional, call.positional().stream().map(Argument::value).toList());
            assertEquals(named, call.named().entrySet().stream().collect(Collectors.toMap(
                    Map.Entry::getKey, e -> e.getValue().value())));
        }
        assertEquals(area + "." + command, CommandParser.parse(area + "." + command).name());
    }

    @Property(tries = 300)
    void anyLineEitherParsesOrGivesASyntaxError(@ForAll @StringLength(max = 60) String line) {
        try {
            CommandParser.parse(line);
        } catch (CommandSyntaxException expected) {
            // the one kind of failure a line may give
        }
    }

    @Property(tries = 300)
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
