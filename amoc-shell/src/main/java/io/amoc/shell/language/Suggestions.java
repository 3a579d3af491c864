package io.amoc.shell.language;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Tab completion of the command language: command names at the start of a line ({@code (} added when the command
 * takes arguments); inside the parentheses, the values a parameter's {@link ArgType} offers (scenario names, config
 * keys, command names, true/false) and the names of optional arguments ({@code force=}). The console computes them
 * in its own JVM, the daemon for attached shells: both the same way.
 */
public final class Suggestions implements CompletionSource {

    private final Interpreter interpreter;
    private final Function<ArgType<?>, List<String>> valuesOf;

    public Suggestions(Interpreter interpreter, Function<ArgType<?>, List<String>> valuesOf) {
        this.interpreter = interpreter;
        this.valuesOf = valuesOf;
    }

    @Override
    public List<Suggestion> suggest(String line, int cursor) {
        String before = line.substring(0, Math.clamp(cursor, 0, line.length()));
        int open = before.indexOf('(');
        List<Suggestion> suggestions = new ArrayList<>();
        if (open < 0) {
            interpreter.commands().forEach(c -> suggestions.add(commandSuggestion(c)));
            return suggestions;
        }
        interpreter.find(before.substring(0, open).strip())
                .ifPresent(command -> argumentSuggestions(command, before.substring(open + 1), suggestions));
        return suggestions;
    }

    private static Suggestion commandSuggestion(Command command) {
        boolean hasParams = !command.params().isEmpty();
        return new Suggestion(hasParams ? command.name() + "(" : command.name(), command.name(), command.help(),
                !hasParams);
    }

    private void argumentSuggestions(Command command, String arguments, List<Suggestion> suggestions) {
        int index = (int) arguments.chars().filter(c -> c == ',').count();
        String current = arguments.substring(arguments.lastIndexOf(',') + 1);
        List<Param> params = command.params();
        if (current.contains("=")) {
            String key = current.substring(0, current.indexOf('=')).strip();
            params.stream().filter(p -> p.name().equals(key)).findFirst()
                    .ifPresent(p -> addValues(p.type(), suggestions));
            return;
        }
        if (index < params.size()) {
            addValues(params.get(index).type(), suggestions);
        }
        long required = params.stream().filter(Param::isRequired).count();
        params.stream().filter(p -> !p.isRequired() && index >= required)
                .forEach(p -> suggestions.add(new Suggestion(p.name() + "=", p.name() + "=", p.type().description(),
                        false)));
    }

    private void addValues(ArgType<?> type, List<Suggestion> suggestions) {
        valuesOf.apply(type).forEach(v -> suggestions.add(new Suggestion(v, v, "", false)));
    }
}
