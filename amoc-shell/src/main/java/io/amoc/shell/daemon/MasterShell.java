package io.amoc.shell.daemon;

import io.amoc.config.Config;
import io.amoc.shell.CommandRunner;
import io.amoc.shell.ShellEnvironment;
import io.amoc.shell.command.Command;
import io.amoc.shell.command.Interpreter;
import io.amoc.shell.command.Session;
import io.amoc.shell.command.ShellCommands;
import io.amoc.shell.command.ShellContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The daemon's one shell: the same commands and configuration as {@code bin/amoc console}. */
final class MasterShell {

    private MasterShell() {
    }

    /** The names of the shell's commands, for an attached client's completion. */
    static List<String> commandNames(CommandRunner runner) {
        if (runner instanceof Interpreter interpreter) {
            return interpreter.commands().stream().map(Command::name).toList();
        }
        return List.of();
    }

    static CommandRunner create(ShellEnvironment environment, List<Path> scenarioDirs, Path configFile) {
        try {
            Config config = Config.fromEnvironmentAndFile(configFile);
            Config.install(config);
            ShellContext context = ShellContext.of(environment.home(), config, scenarioDirs);
            return new Interpreter(ShellCommands.all(context), new Session());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
