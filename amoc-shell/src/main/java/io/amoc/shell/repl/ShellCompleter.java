package io.amoc.shell.repl;

import io.amoc.shell.language.CompletionSource;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.List;

/** JLine's Tab over a {@link CompletionSource}: this JVM's {@link Suggestions}, or an attached daemon's. */
final class ShellCompleter implements Completer {

    private final CompletionSource source;

    ShellCompleter(CompletionSource source) {
        this.source = source;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        source.suggest(line.line(), line.cursor()).forEach(s -> candidates.add(new Candidate(s.value(), s.display(),
                null, s.description().isEmpty() ? null : s.description(), null, null, s.complete())));
    }
}
