package io.amoc.shell.repl;

import org.jline.reader.CompletingParsedLine;
import org.jline.reader.Parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line for JLine's completion at blanks and the command language's punctuation {@code ( , ) =},
 * so that the word under the cursor is a command name, an argument or a named argument's key.
 * It never asks for more lines: a bad line is accepted and the interpreter explains what is wrong.
 */
final class ShellLineParser implements Parser {

    private static final String SEPARATORS = "(),=";

    @Override
    public CompletingParsedLine parse(String line, int cursor, ParseContext context) {
        List<String> words = new ArrayList<>();
        int wordIndex = -1;
        int wordCursor = 0;
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            boolean end = i == line.length() || Character.isWhitespace(line.charAt(i))
                    || SEPARATORS.indexOf(line.charAt(i)) >= 0;
            if (!end) {
                continue;
            }
            if (cursor >= start && cursor <= i && wordIndex < 0) {
                wordIndex = words.size();
                wordCursor = cursor - start;
            }
            words.add(line.substring(start, i));
            start = i + 1;
        }
        return new Line(line, cursor, List.copyOf(words), wordIndex, wordCursor);
    }

    private record Line(String line, int cursor, List<String> words, int wordIndex, int wordCursor)
            implements CompletingParsedLine {

        @Override
        public String word() {
            return words.get(wordIndex);
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor;
        }

        @Override
        public int rawWordLength() {
            return word().length();
        }
    }
}
