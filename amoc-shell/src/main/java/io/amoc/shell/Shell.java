package io.amoc.shell;

import io.amoc.shell.command.Command;
import io.amoc.shell.command.CommandGroup;
import io.amoc.shell.command.Interpreter;
import io.amoc.shell.command.Session;
import io.amoc.shell.command.ShellCommands;
import io.amoc.shell.command.ShellContext;
import io.amoc.shell.dist.DistCommands;
import io.amoc.shell.metrics.MetricsCommands;
import io.amoc.shell.metrics.RunSummaries;

import java.time.Duration;
import java.util.List;

/**
 * The shell of a master JVM, as the console and the daemon run it: every command (the local node's, dist.* and
 * the other groups, registered here one line each) over one context, and what they hold open.
 */
public final class Shell {

    private final ShellContext context;
    private final List<CommandGroup> groups;
    private final List<Command> commands;

    private Shell(ShellContext context, List<CommandGroup> groups) {
        this.context = context;
        this.groups = groups;
        this.commands = List.copyOf(RunSummaries.around(ShellCommands.all(context, groups), "local", context.local()));
    }

    /** The full shell over {@code context}. */
    public static Shell of(ShellContext context) {
        DistCommands dist = new DistCommands(context.catalog(), context.config());
        MetricsCommands metrics = new MetricsCommands(context.local(), dist::cluster, context.config());
        dist.addClusterListener(metrics.annotations());
        return new Shell(context, List.of(dist(dist), metrics));
    }

    public ShellContext context() {
        return context;
    }

    public List<Command> commands() {
        return commands;
    }

    /** A new conversation (a console, a script, an attached client) with its own {@code exit}. */
    public Interpreter newSession() {
        return new Interpreter(commands, new Session());
    }

    /**
     * Ends what the shell holds: the groups (e.g. the slaves' heartbeats) and the local run, whose
     * {@code terminate} is given {@code stopTimeout}. Returns false when the local run did not stop in time.
     */
    public boolean close(Duration stopTimeout) throws InterruptedException {
        groups.forEach(CommandGroup::close);
        if (context.local().running().isEmpty()) {
            return true;
        }
        return Thread.ofVirtual().start(context.local()::stop).join(stopTimeout);
    }

    private static CommandGroup dist(DistCommands dist) {
        return new CommandGroup() {
            @Override
            public List<Command> commands() {
                return RunSummaries.around(dist.commands(), "dist", dist::cluster);
            }

            @Override
            public void configChanged(String key, Object value) throws Exception {
                dist.configChanged(key, value);
            }

            @Override
            public void close() {
                dist.close();
            }
        };
    }
}
