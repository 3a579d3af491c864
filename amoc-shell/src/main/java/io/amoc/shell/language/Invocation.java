package io.amoc.shell.language;

import java.util.List;
import java.util.Map;

/**
 * A parsed command line: the command's name in the shell's own spelling ({@code local.add}) and its arguments,
 * positional ones in order and named ones ({@code force=true}) by name.
 */
public record Invocation(String name, List<Argument> positional, Map<String, Argument> named) {

    public Invocation {
        positional = List.copyOf(positional);
        named = Map.copyOf(named);
    }
}
