package io.amoc.compile;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario's sources do not compile; the message is javac's error lines, the diagnostics are the data. */
public final class ScenarioCompileException extends Exception {

    private final List<CompileDiagnostic> diagnostics;

    public ScenarioCompileException(List<CompileDiagnostic> diagnostics) {
        super(diagnostics.stream().map(CompileDiagnostic::format).collect(Collectors.joining("\n")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** A failure that is not about a line of source (no compiler, unreadable file); one line with a hint. */
    public ScenarioCompileException(String message) {
        super(message);
        this.diagnostics = List.of();
    }

    public List<CompileDiagnostic> diagnostics() {
        return diagnostics;
    }
}
