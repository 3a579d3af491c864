package io.amoc.shell.console;

import io.amoc.shell.command.ArgType;
import io.amoc.shell.command.ArgTypes;
import io.amoc.shell.command.Command;
import io.amoc.shell.command.Interpreter;
import io.amoc.shell.command.ShellContext;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** The values Tab offers for an argument of each kind: scenario names, config keys, command names, true/false. */
public final class Completions {

    private Completions() {
    }

    /** Completion values from a shell's context; {@code configFile} documents the known config keys. */
    public static Function<ArgType<?>, List<String>> of(ShellContext context, Interpreter interpreter, Path configFile) {
        return type -> {
            if (type == ArgTypes.SCENARIO) {
                return context.catalog().names();
            }
            if (type == ArgTypes.CONFIG_KEY_NAME) {
                return ConfigKeys.of(context.config(), configFile);
            }
            if (type == ArgTypes.COMMAND_NAME) {
                return interpreter.commands().stream().map(Command::name).toList();
            }
            if (type == ArgTypes.BOOLEAN) {
                return List.of("true", "false");
            }
            return List.of();
        };
    }
}
