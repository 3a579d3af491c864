package io.amoc.shell;

import io.amoc.shell.bench.BenchCommand;
import io.amoc.shell.daemon.AttachCommand;
import io.amoc.shell.daemon.EvalCommand;
import io.amoc.shell.daemon.PingCommand;
import io.amoc.shell.daemon.SlaveConsoleCommand;
import io.amoc.shell.daemon.SlaveStartCommand;
import io.amoc.shell.daemon.SlaveStopCommand;
import io.amoc.shell.daemon.StartCommand;
import io.amoc.shell.daemon.StopCommand;
import io.amoc.shell.console.ConsoleCommand;
import io.amoc.shell.slave.SlaveCommand;
import io.amoc.shell.tls.TlsCommand;
import io.amoc.shell.tls.TlsInitCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bin/amoc}: the subcommands of amoc. The only place that calls {@link System#exit}.
 */
@Command(name = "amoc", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Load tests against XMPP servers: scenarios in Java, users on virtual threads.",
        footer = "%nRun 'bin/amoc <command> --help' for a command's options.")
public final class Main implements Callable<Integer> {

    private final ShellEnvironment environment;

    private Main(ShellEnvironment environment) {
        this.environment = environment;
    }

    /** The subcommands, one line each. */
    static List<Object> subcommands(ShellEnvironment environment) {
        return List.of(
                new ConsoleCommand(environment),
                new CommandLine(new SlaveCommand(environment))
                        .addSubcommand(new SlaveStartCommand(environment))
                        .addSubcommand(new SlaveStopCommand(environment))
                        .addSubcommand(new SlaveConsoleCommand(environment)),
                new StartCommand(environment),
                new AttachCommand(environment),
                new StopCommand(environment),
                new PingCommand(environment),
                new EvalCommand(environment),
                new CommandLine(new TlsCommand(environment)).addSubcommand(new TlsInitCommand(environment)),
                new BenchCommand(),
                new VersionCommand(environment));
    }

    public static void main(String[] args) {
        System.exit(run(ShellEnvironment.system(), args));
    }

    /**
     * Ends this JVM now with {@code code}, from a node that cannot go on: the shutdown hooks run (the users end, the
     * ports close), and if they have not finished after {@code patience} the JVM halts.
     */
    public static void exitFailing(ExitCode code, java.time.Duration patience) {
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(patience);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(code.status());
        }, "amoc-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(code.status());
    }

    /** Runs bin/amoc's command line and gives its exit status (tests call this in-process). */
    public static int run(ShellEnvironment environment, String... args) {
        CommandLine line = new CommandLine(new Main(environment));
        subcommands(environment).forEach(line::addSubcommand);
        line.setOut(new java.io.PrintWriter(environment.out(), true));
        line.setErr(new java.io.PrintWriter(environment.err(), true));
        line.setParameterExceptionHandler((e, arguments) -> {
            String command = "bin/" + e.getCommandLine().getCommandSpec().qualifiedName(" ");
            environment.err().println("amoc: " + e.getMessage() + " (see: " + command + " --help)");
            return ExitCode.USAGE.status();
        });
        line.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            environment.err().println("amoc: internal error: " + e + " (please report it)");
            return ExitCode.INTERNAL_ERROR.status();
        });
        return line.execute(args);
    }

    @Override
    public Integer call() {
        environment.err().println("amoc: which command? e.g. bin/amoc console (bin/amoc --help lists them)");
        return ExitCode.USAGE.status();
    }

    /** Gives picocli's --version the manifest's version. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"amoc " + VersionCommand.version()};
        }
    }
}
