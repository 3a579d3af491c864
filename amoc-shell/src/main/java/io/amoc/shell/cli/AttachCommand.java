package io.amoc.shell.cli;

import io.amoc.shell.attach.AccessRefusedException;
import io.amoc.shell.attach.DaemonClient;
import io.amoc.shell.attach.DaemonNotRunningException;
import io.amoc.shell.attach.DetachingRunner;
import io.amoc.shell.daemon.DaemonFiles;
import io.amoc.shell.daemon.PidFile;
import io.amoc.shell.daemon.VarDir;
import io.amoc.shell.repl.Repl;
import io.amoc.shell.repl.ScriptRunner;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** {@code bin/amoc attach}: a shell on the running master daemon; detaching leaves the load running. */
@Command(name = "attach", mixinStandardHelpOptions = true,
        description = {"Open a shell on the running amoc daemon. Ctrl-D (or exit) detaches: the daemon and its users keep running.",
                "When stdin is not a terminal, run its commands line by line and stop at the first failure (exit 1).",
                "Only the OS user who started the daemon can attach; several shells may attach at once."})
public final class AttachCommand implements Callable<Integer> {

    private final ShellEnvironment environment;

    public AttachCommand(ShellEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        DaemonFiles files = DaemonFiles.master(VarDir.of(environment.home()));
        try (DaemonClient client = DaemonClient.connect(files.attachPoint())) {
            DetachingRunner runner = new DetachingRunner(client);
            if (environment.interactive()) {
                interactive(files, client, runner);
                return ExitCode.OK.status();
            }
            BufferedReader script = new BufferedReader(new InputStreamReader(environment.in(), StandardCharsets.UTF_8));
            boolean ok = new ScriptRunner(runner, environment.out(), environment.err(), runner::detached).run(script);
            return (ok ? ExitCode.OK : ExitCode.COMMAND_FAILED).status();
        } catch (DaemonNotRunningException e) {
            environment.err().println("amoc: " + e.getMessage());
            return ExitCode.NOT_RUNNING.status();
        } catch (AccessRefusedException e) {
            environment.err().println("amoc: " + e.getMessage());
            return ExitCode.COMMAND_FAILED.status();
        }
    }

    /** The console's shell on the daemon: same prompt handling and completion, history in var/attach.history. */
    private static void interactive(DaemonFiles files, DaemonClient client, DetachingRunner runner) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().name("amoc").system(true).build()) {
            terminal.writer().println("attached to the amoc daemon (pid "
                    + PidFile.read(files.pidFile()).map(String::valueOf).orElse("?")
                    + "): type help for the commands, Tab to complete, Ctrl-D or exit detaches (the load keeps running).");
            Repl.Session session = new Repl.Session(runner, client, () -> runner.detached() || client.lost(),
                    shellThread -> client.cancel());
            new Repl(terminal, session, Repl.ATTACHED_PROMPT, files.varDir().resolve("attach.history")).run();
            terminal.writer().println(client.lost() ? "the daemon went away (see " + files.logFile() + ")"
                    : "detached; the daemon keeps running (bin/amoc stop ends it)");
            terminal.flush();
        }
    }
}
