package io.amoc.shell.cli;

import io.amoc.command.Master;
import io.amoc.config.Config;
import io.amoc.http.ApiConfigException;
import io.amoc.http.ApiServer;
import io.amoc.shell.command.ConsoleTerminal;
import io.amoc.shell.command.Shell;
import io.amoc.shell.daemon.MasterApi;
import io.amoc.shell.daemon.VarDir;
import io.amoc.shell.language.Interpreter;
import io.amoc.shell.repl.HistoryFile;
import io.amoc.shell.repl.Repl;
import io.amoc.shell.repl.ScriptRunner;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Mixin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code bin/amoc console}: the shell in the foreground; its users live as long as it does. */
@picocli.CommandLine.Command(name = "console", mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = {"Open the amoc shell and run scenarios on this machine.",
                "When stdin is not a terminal, run its commands line by line and stop at the first failure (exit 1)."})
public final class ConsoleCommand implements Callable<Integer> {

    /** How long leaving the console waits for the running scenario to stop (its terminate to run). */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    @Mixin
    private MasterOptions options = new MasterOptions();

    private final ShellEnvironment environment;

    public ConsoleCommand(ShellEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        Optional<Config> read = options.installedConfig(environment);
        if (read.isEmpty()) {
            return ExitCode.USAGE.status();
        }
        Config config = read.get();
        MasterApi api;
        try {
            api = MasterApi.configured(config, environment.home());
        } catch (ApiConfigException e) {
            environment.err().println("amoc: " + e.getMessage());
            return ExitCode.USAGE.status();
        }
        Shell shell = Shell.start(environment.home(), options.scenarioDirs(),
                VarDir.of(environment.home()).resolve("scenarios"), config);
        Optional<ApiServer> server = api.start(shell.master());
        Interpreter interpreter = shell.newSession();
        ExitCode result = environment.interactive() ? interactive(shell, interpreter, server) : script(interpreter);
        server.ifPresent(ApiServer::close);
        close(shell);
        return result.status();
    }

    /** The console's users end with it; terminate runs once if it finishes in time. */
    private void close(Shell shell) {
        try {
            if (!shell.close(STOP_TIMEOUT)) {
                environment.err().println("amoc: the scenario did not stop within " + STOP_TIMEOUT.toSeconds()
                        + " s; leaving anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ExitCode script(Interpreter interpreter) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(environment.in()));
        boolean ok = new ScriptRunner(interpreter, environment.out(), environment.err(),
                interpreter.session()::exitRequested).run(in);
        return ok ? ExitCode.OK : ExitCode.COMMAND_FAILED;
    }

    private ExitCode interactive(Shell shell, Interpreter interpreter, Optional<ApiServer> api) throws IOException {
        Master master = shell.master();
        try (Terminal terminal = TerminalBuilder.builder().name("amoc").system(true).build()) {
            ConsoleTerminal.use(terminal);
            terminal.writer().println("amoc " + VersionCommand.version()
                    + ": type help for the commands, Tab to complete, Ctrl-D to leave.");
            api.ifPresent(server -> terminal.writer().println("HTTP API on " + server.uri() + " (token: bin/amoc"
                    + " api-token; documentation: " + server.uri() + "/api-docs)"));
            Repl.Session session = new Repl.Session(interpreter, shell.completions(interpreter),
                    interpreter.session()::exitRequested, Thread::interrupt);
            new Repl(terminal, session, Repl.PROMPT, HistoryFile.choose(master.config(), environment.home())).run();
            terminal.writer().println(master.local().running()
                    .map(s -> "bye: stopping " + s.scenarioName() + " and its users").orElse("bye"));
            terminal.flush();
        }
        return ExitCode.OK;
    }
}
