package io.amoc.shell.command;

import io.amoc.command.ConfigEntry;
import io.amoc.command.Master;
import io.amoc.command.ScenarioEntry;
import io.amoc.shell.language.ArgType;
import io.amoc.shell.language.ArgTypes;
import io.amoc.shell.language.Command;
import io.amoc.shell.language.Interpreter;

import java.util.List;
import java.util.function.Function;

/**
 * The values Tab offers for an argument of each kind: scenario names, config keys (every registered key and those
 * set), command names, true/false.
 */
public final class Completions {

    private Completions() {
    }

    /** Completion values from a master's command layer. */
    public static Function<ArgType<?>, List<String>> of(Master master, Interpreter interpreter) {
        return type -> {
            if (type == ArgTypes.SCENARIO) {
                return master.scenarios().list().stream().map(ScenarioEntry::name).toList();
            }
            if (type == ArgTypes.CONFIG_KEY_NAME) {
                return master.settings().list().stream().map(ConfigEntry::key).toList();
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
