package io.amoc.shell.command;

import java.util.ArrayList;
import java.util.List;

/** Every command of the shell, in one list: one line per group of commands. */
public final class ShellCommands {

    private ShellCommands() {
    }

    public static List<Command> all(ShellContext context) {
        List<Command> all = new ArrayList<>();
        all.addAll(GeneralCommands.of(() -> all));
        all.addAll(ScenarioCommands.of(context.catalog()));
        all.addAll(LocalCommands.of(context.catalog(), context.local()));
        all.addAll(ConfigCommands.of(context.config(), (key, value) -> context.local().setConfig(key, value)));
        return all;
    }
}
