package io.amoc.shell.command;

import io.amoc.command.Master;
import io.amoc.command.MasterSetup;
import io.amoc.config.Config;
import io.amoc.rmi.Distribution;
import io.amoc.shell.language.Command;
import io.amoc.shell.language.CompletionSource;
import io.amoc.shell.language.Interpreter;
import io.amoc.shell.language.Session;
import io.amoc.shell.language.Suggestions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The shell of a master JVM, as the console and the daemon run it: every command, each a thin front end over one
 * operation of the command layer ({@link Master}), registered here one line per group.
 */
public final class Shell {

    private final Master master;
    private final List<Command> commands;

    private Shell(Master master) {
        this.master = master;
        List<Command> all = new ArrayList<>();
        all.addAll(GeneralCommands.of(() -> all));
        all.addAll(ScenarioCommands.of(master.scenarios()));
        all.addAll(RunCommands.of(master.local()));
        all.addAll(RunCommands.of(master.dist()));
        all.addAll(NodeCommands.of(master.slaves()));
        all.addAll(MetricsCommands.of(master.local(), master.dist()));
        all.addAll(ConfigCommands.of(master.settings()));
        all.addAll(LogCommands.of(master.settings(), master.local(), master.dist()));
        this.commands = List.copyOf(all);
    }

    /** The shell over a command layer. */
    public static Shell of(Master master) {
        return new Shell(master);
    }

    /**
     * The shell of this JVM's master: its own node, the scenario path ({@code scenarios/} of the install,
     * {@code scenarioDirs}, config {@code scenario_path}, and {@code uploads} first), slaves over RMI.
     */
    public static Shell start(Path home, List<Path> scenarioDirs, Path uploads, Config config) {
        return of(Master.start(MasterSetup.of(home, scenarioDirs, uploads, config, Distribution::start)));
    }

    public Master master() {
        return master;
    }

    public List<Command> commands() {
        return commands;
    }

    /** What Tab offers in {@code session}: commands, and their arguments' values from the command layer. */
    public CompletionSource completions(Interpreter session) {
        return new Suggestions(session, Completions.of(master, session));
    }

    /** A new conversation (a console, a script, an attached client) with its own {@code exit}. */
    public Interpreter newSession() {
        return new Interpreter(commands, new Session());
    }

    /**
     * Ends what the master runs (slaves' run and heartbeats, Graphite reporting, the local run, whose
     * {@code terminate} is given {@code stopTimeout}). Returns false when the local run did not stop in time.
     */
    public boolean close(Duration stopTimeout) throws InterruptedException {
        return master.close(stopTimeout);
    }
}
