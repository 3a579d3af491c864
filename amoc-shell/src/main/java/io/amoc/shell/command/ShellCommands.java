package io.amoc.shell.command;

import java.util.ArrayList;
import java.util.List;

/** Every command of the shell, in one list: one line per group of commands. */
public final class ShellCommands {

    private ShellCommands() {
    }

    /** The shell's own commands: general, scenarios, local.*, config.*. */
    public static List<Command> all(ShellContext context) {
        return all(context, List.of());
    }

    /** The shell's own commands and those of {@code groups}, which also hear of every {@code config.set}. */
    public static List<Command> all(ShellContext context, List<CommandGroup> groups) {
        List<Command> all = new ArrayList<>();
        all.addAll(GeneralCommands.of(() -> all));
        all.addAll(ScenarioCommands.of(context.catalog()));
        all.addAll(LocalCommands.of(context.catalog(), context.local()));
        groups.forEach(group -> all.addAll(group.commands()));
        all.addAll(ConfigCommands.of(context.config(), (key, value) -> {
            context.local().setConfig(key, value);
            for (CommandGroup group : groups) {
                group.configChanged(key, value);
            }
        }));
        return all;
    }
}
