package io.amoc.shell.attach;

import io.amoc.shell.language.Suggestion;

import java.util.ArrayList;
import java.util.List;

/**
 * Completions as the text of a frame: one suggestion a line, its fields (value, display, description, complete)
 * separated by the ASCII unit separator, which no command line or description holds.
 */
final class SuggestionText {

    private static final String FIELD = "\u001f";
    private static final int FIELDS = 4;

    private SuggestionText() {
    }

    static String of(List<Suggestion> suggestions) {
        StringBuilder text = new StringBuilder();
        for (Suggestion s : suggestions) {
            text.append(clean(s.value())).append(FIELD).append(clean(s.display())).append(FIELD)
                    .append(clean(s.description())).append(FIELD).append(s.complete() ? '1' : '0').append('\n');
        }
        return text.toString();
    }

    /** The suggestions of a frame's text; lines that are not four fields are skipped. */
    static List<Suggestion> parse(String text) {
        List<Suggestion> suggestions = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] fields = line.split(FIELD, -1);
            if (fields.length == FIELDS) {
                suggestions.add(new Suggestion(fields[0], fields[1], fields[2], fields[3].equals("1")));
            }
        }
        return suggestions;
    }

    /** A request: the cursor, then the line. */
    static String request(String line, int cursor) {
        return cursor + "\n" + line;
    }

    private static String clean(String field) {
        return field.replace(FIELD, " ").replace('\n', ' ');
    }
}
