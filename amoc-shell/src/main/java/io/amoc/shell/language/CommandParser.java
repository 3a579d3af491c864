package io.amoc.shell.language;

import io.amoc.config.LiteralReader;
import io.amoc.config.LiteralSyntaxException;
import io.amoc.config.Word;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one command line: {@code name}, {@code name()} or {@code name(arg, ..., key=value)}, optionally ended by
 * {@code .} or {@code ;}. Arguments are literals in the syntax shared with the configuration
 * ({@link LiteralReader}). amoc's spellings are read too: {@code amoc_local:remove(10, [{force, true}]).}
 */
public final class CommandParser {

    /** Longer lines are refused before they are read. */
    public static final int MAX_LINE_CHARS = 4096;

    private static final Pattern NAME = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*(?:[.:][A-Za-z_][A-Za-z0-9_]*)*)");
    private static final Pattern PROPLIST_START = Pattern.compile("\\[\\s*\\{");

    private final String line;
    private final LiteralReader reader;
    private final List<Argument> positional = new ArrayList<>();
    private final Map<String, Argument> named = new LinkedHashMap<>();

    private CommandParser(String line, int afterName) {
        this.line = line;
        this.reader = new LiteralReader(line, afterName);
    }

    /** Parses one command line (not blank, not a comment). */
    public static Invocation parse(String line) throws CommandSyntaxException {
        if (line.length() > MAX_LINE_CHARS) {
            throw new CommandSyntaxException("line too long: " + line.length() + " characters (at most "
                    + MAX_LINE_CHARS + "): split it into several commands");
        }
        String text = withoutTerminator(line.strip());
        Matcher name = NAME.matcher(text);
        if (!name.lookingAt()) {
            throw new CommandSyntaxException("a command starts with its name, e.g. status or local.add(10): "
                    + "type help for the list");
        }
        CommandParser parser = new CommandParser(text, name.end());
        String command = AmocSpellings.translate(name.group(1));
        try {
            parser.readArguments(command);
        } catch (LiteralSyntaxException e) {
            throw new CommandSyntaxException(e.getMessage() + " (column " + (e.column() + 1) + ")");
        }
        return new Invocation(command, parser.positional, parser.named);
    }

    private static String withoutTerminator(String text) {
        return text.endsWith(".") || text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
    }

    private void readArguments(String command) throws LiteralSyntaxException, CommandSyntaxException {
        if (reader.atEnd()) {
            return;
        }
        if (reader.peek() != '(') {
            throw new CommandSyntaxException("unexpected '" + reader.peek() + "' after " + command
                    + ": arguments go in parentheses, e.g. " + command + "(...)");
        }
        reader.expect('(');
        if (!reader.accept(')')) {
            do {
                readArgument();
            } while (reader.accept(','));
            closeParenthesis();
        }
        if (!reader.atEnd()) {
            String rest = line.substring(reader.position());
            throw new CommandSyntaxException(rest.startsWith(")")
                    ? "unbalanced parentheses: one ')' too many at column " + (reader.position() + 1)
                    : "unexpected text after the command: " + rest);
        }
    }

    private void closeParenthesis() throws LiteralSyntaxException, CommandSyntaxException {
        char next = reader.peek();
        if (next == 0) {
            throw new CommandSyntaxException("unbalanced parentheses: '(' is never closed: add ')' at the end");
        }
        if (next != ')') {
            throw new CommandSyntaxException("expected ',' or ')' but found '" + next + "' at column "
                    + (reader.position() + 1));
        }
        reader.expect(')');
    }

    private void readArgument() throws LiteralSyntaxException, CommandSyntaxException {
        reader.peek();
        int start = reader.position();
        if (PROPLIST_START.matcher(line).region(start, line.length()).lookingAt()) {
            readProplist();
            return;
        }
        if (reader.peek() == '(' || reader.peek() == ')') {
            throw new CommandSyntaxException("unbalanced parentheses: unexpected '" + reader.peek() + "' at column "
                    + (start + 1) + ": a value is missing there");
        }
        if (reader.peek() == ',') {
            throw new CommandSyntaxException("a value is missing before the ',' at column " + (start + 1));
        }
        Object value = reader.readValue();
        if (value instanceof Word key && reader.accept('=')) {
            reader.peek();
            int valueStart = reader.position();
            Object named = reader.readValue();
            addNamed(key.text(), new Argument(named, line.substring(valueStart, reader.position()).strip()));
            return;
        }
        if (!named.isEmpty()) {
            throw new CommandSyntaxException("positional argument " + textFrom(start)
                    + " after a named one: put named arguments (key=value) last");
        }
        positional.add(new Argument(value, textFrom(start)));
    }

    /** amoc's options list {@code [{force, true}, {key, value}]}: each pair is a named argument. */
    private void readProplist() throws LiteralSyntaxException, CommandSyntaxException {
        reader.expect('[');
        do {
            reader.expect('{');
            String key = reader.readWord();
            reader.expect(',');
            reader.peek();
            int valueStart = reader.position();
            Object value = reader.readValue();
            addNamed(key, new Argument(value, textFrom(valueStart)));
            reader.expect('}');
        } while (reader.accept(','));
        reader.expect(']');
    }

    private void addNamed(String key, Argument argument) throws CommandSyntaxException {
        if (named.putIfAbsent(key, argument) != null) {
            throw new CommandSyntaxException("argument " + key + " is given twice: give it once");
        }
    }

    private String textFrom(int start) {
        return line.substring(start, reader.position()).strip();
    }
}
