package io.amoc.shell.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bin/amoc}: the subcommands of amoc. The only place that calls {@link System#exit}.
 */
@Command(name = "amoc", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
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
                new RunCommand(environment),
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
                new ApiTokenCommand(environment),
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

    /**
     * Ends this JVM now with {@code code} from a shutdown hook (after a signal), where {@link System#exit} would
     * wait forever and the JVM would otherwise end with 128 + the signal's number. Other hooks are cut short.
     */
    public static void haltFromShutdownHook(ExitCode code) {
        Runtime.getRuntime().halt(code.status());
    }

    /** Runs bin/amoc's command line and gives its exit status (tests call this in-process). */
    public static int run(ShellEnvironment environment, String... args) {
        CommandLine line = CommandLines.configured(new Main(environment), environment);
        subcommands(environment).forEach(line::addSubcommand);
        return line.execute(args);
    }

    @Override
    public Integer call() {
        environment.err().println("amoc: which command? e.g. bin/amoc console (bin/amoc --help lists them)");
        return ExitCode.USAGE.status();
    }
}
