package io.amoc.shell.language;

import io.amoc.config.Word;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandParserTest {

    private static List<Object> values(Invocation call) {
        return call.positional().stream().map(Argument::value).toList();
    }

    @Test
    void aCallHasItsNameAndPositionalLiterals() throws Exception {
        Invocation call = CommandParser.parse("local.do(MyScenario, 1, 10)");
        assertEquals("local.do", call.name());
        assertEquals(List.of(new Word("MyScenario"), 1L, 10L), values(call));
        assertEquals(Map.of(), call.named());
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "status()", "  status ( ) ", "status.", "status;", "status()."})
    void parenthesesAndTerminatorsAreOptionalForZeroArgumentCommands(String line) throws Exception {
        Invocation call = CommandParser.parse(line);
        assertEquals("status", call.name());
        assertTrue(call.positional().isEmpty());
    }

    @Test
    void namedArgumentsComeByName() throws Exception {
        Invocation call = CommandParser.parse("local.remove(10, force=true)");
        assertEquals(List.of(10L), values(call));
        assertEquals(true, call.named().get("force").value());
    }

    @Test
    void quotedAndBareScenarioNamesAreBothRead() throws Exception {
        assertEquals("MyScenario", values(CommandParser.parse("local.do(\"MyScenario\", 1, 2)")).get(0));
        assertEquals(new Word("MyScenario"), values(CommandParser.parse("local.do(MyScenario, 1, 2)")).get(0));
    }

    @Test
    void argumentsKeepTheTextTheyWereWrittenAs() throws Exception {
        Invocation call = CommandParser.parse("local.add( 1e3 )");
        assertEquals("1e3", call.positional().get(0).text());
        assertEquals(1000.0, call.positional().get(0).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "amoc_local:remove(10, [{force,true}]).",
        "amoc_local:remove(10, [{force, true}]).",
        "amoc_local:remove(10, [ { force , true } ]);",
        "local.remove(10, force=true)"})
    void amocsSpellingsMeanTheSameAsTheShells(String line) throws Exception {
        Invocation call = CommandParser.parse(line);
        assertEquals("local.remove", call.name());
        assertEquals(List.of(10L), values(call));
        assertEquals(true, call.named().get("force").value());
    }

    @Test
    void amocModulesMapToTheShellsAreas() throws Exception {
        assertEquals("local.do", CommandParser.parse("amoc_local:do(MyScenario, 1, 10).").name());
        assertEquals("local.add", CommandParser.parse("amoc_local:add(10).").name());
        assertEquals("dist.do", CommandParser.parse("amoc_dist:do(MyScenario, 1, 10, [{comment, \"x\"}]).").name());
    }

    @Test
    void aPathIsReadAsAWordSoTheCommandCanRefuseIt() throws Exception {
        assertEquals(new Word("../x"), values(CommandParser.parse("local.do(../x, 1, 2)")).get(0));
    }

    @Test
    void listsAreValues() throws Exception {
        Invocation call = CommandParser.parse("dist.do(S, 1, 2, nodes=[a, \"b:1\"])");
        assertEquals(List.of(new Word("a"), "b:1"), call.named().get("nodes").value());
    }

    private static String error(String line) {
        return assertThrows(CommandSyntaxException.class, () -> CommandParser.parse(line)).getMessage();
    }

    @Test
    void anUnclosedParenthesisSaysToCloseIt() {
        assertEquals("unbalanced parentheses: '(' is never closed: add ')' at the end", error("local.add(10"));
    }

    @Test
    void anExtraClosingParenthesisIsPointedAt() {
        assertEquals("unbalanced parentheses: one ')' too many at column 14", error("local.add(10))"));
        assertTrue(error("local.add((10)").startsWith("unbalanced parentheses: unexpected '('"));
    }

    @Test
    void aMissingValueBetweenCommasIsPointedAt() {
        assertEquals("a value is missing before the ',' at column 11", error("local.add(,)"));
        assertEquals("unbalanced parentheses: unexpected ')' at column 14: a value is missing there", error("local.add(10,)"));
    }

    @Test
    void aNumberBeyondLongIsTooLarge() {
        assertEquals("number too large: 99999999999999999999 (at most 9223372036854775807) (column 11)",
                error("local.add(99999999999999999999)"));
    }

    @Test
    void aNumberWithAUnitOrAnotherNotationSaysHowToWriteIt() {
        assertEquals("not a number: 10s: write plain digits, e.g. 1000 or 1.5 (no unit: the key or argument says what"
                + " it counts), or quote a text, e.g. \"10s\" (column 26)", error("config.set(interarrival, 10s)"));
        assertTrue(error("local.add(1_000)").startsWith("not a number: 1_000: write plain digits"));
    }

    @Test
    void aLineOverTheLimitIsRefusedWithoutReadingIt() {
        String line = "local.add(" + "1".repeat(10 * 1024) + ")";
        assertEquals("line too long: " + line.length() + " characters (at most 4096): split it into several commands",
                error(line));
    }

    @Test
    void argumentsWithoutParenthesesAreExplained() {
        assertEquals("unexpected '1' after local.add: arguments go in parentheses, e.g. local.add(...)",
                error("local.add 10"));
    }

    @Test
    void aLineThatDoesNotStartWithANameIsExplained() {
        assertEquals("a command starts with its name, e.g. status or local.add(10): type help for the list",
                error("(10)"));
    }

    @Test
    void aNamedArgumentGivenTwiceIsRefused() {
        assertEquals("argument force is given twice: give it once", error("local.remove(1, force=true, force=false)"));
    }

    @Test
    void positionalArgumentsCannotFollowNamedOnes() {
        assertEquals("positional argument 3 after a named one: put named arguments (key=value) last",
                error("local.remove(force=true, 3)"));
    }

    @Test
    void anUnclosedStringSaysWhichQuoteIsMissing() {
        assertTrue(error("config.set(x, \"abc)").startsWith("unclosed string: add a closing \""));
    }
}
