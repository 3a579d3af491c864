package io.amoc.shell.language;

import java.util.List;

/** What Tab offers at a cursor position of a command line: computed where the commands run, shown where they are typed. */
@FunctionalInterface
public interface CompletionSource {

    /** The suggestions for the word at {@code cursor} (0 to the line's length) of {@code line}. */
    List<Suggestion> suggest(String line, int cursor);
}
