package io.amoc.shell.repl;

import io.amoc.shell.language.ArgType;
import io.amoc.shell.language.Command;
import io.amoc.shell.language.Interpreter;
import io.amoc.shell.language.Param;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.List;
import java.util.function.Function;

/**
 * Tab completion: command names at the start of a line; inside the parentheses, the values a parameter's
 * {@link ArgType} offers (scenario names, config keys, command names) and the names of optional arguments.
 */
public final class ShellCompleter implements Completer {

    private final Interpreter interpreter;
    private final Function<ArgType<?>, List<String>> valuesOf;

    public ShellCompleter(Interpreter interpreter, Function<ArgType<?>, List<String>> valuesOf) {
        this.interpreter = interpreter;
        this.valuesOf = valuesOf;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String before = line.line().substring(0, line.cursor());
        int open = before.indexOf('(');
        if (open < 0) {
            interpreter.commands().forEach(c -> candidates.add(commandCandidate(c)));
            return;
        }
        interpreter.find(before.substring(0, open).strip())
                .ifPresent(command -> argumentCandidates(command, before.substring(open + 1), candidates));
    }

    private static Candidate commandCandidate(Command command) {
        boolean hasParams = !command.params().isEmpty();
        String value = hasParams ? command.name() + "(" : command.name();
        return new Candidate(value, command.name(), null, command.help(), null, null, !hasParams);
    }

    private void argumentCandidates(Command command, String arguments, List<Candidate> candidates) {
        int index = (int) arguments.chars().filter(c -> c == ',').count();
        String current = arguments.substring(arguments.lastIndexOf(',') + 1);
        List<Param> params = command.params();
        if (current.contains("=")) {
            String key = current.substring(0, current.indexOf('=')).strip();
            params.stream().filter(p -> p.name().equals(key)).findFirst()
                    .ifPresent(p -> addValues(p.type(), candidates));
            return;
        }
        if (index < params.size()) {
            addValues(params.get(index).type(), candidates);
        }
        long required = params.stream().filter(Param::isRequired).count();
        params.stream().filter(p -> !p.isRequired() && index >= required)
                .forEach(p -> candidates.add(new Candidate(p.name() + "=", p.name() + "=", null,
                        p.type().description(), null, null, false)));
    }

    private void addValues(ArgType<?> type, List<Candidate> candidates) {
        valuesOf.apply(type).forEach(v -> candidates.add(new Candidate(v, v, null, null, null, null, false)));
    }
}
