package io.amoc.shell.cli;

import io.amoc.shell.attach.AccessRefusedException;
import io.amoc.shell.attach.DaemonClient;
import io.amoc.shell.attach.DaemonNotRunningException;
import io.amoc.shell.daemon.DaemonFiles;
import io.amoc.shell.daemon.VarDir;
import io.amoc.shell.language.Reply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code bin/amoc eval 'CMD' ...}: runs commands on the master daemon, prints each result. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Run shell commands on the running amoc daemon, in order, printing each result.",
                "Stops at the first failed command (exit 1). Example: bin/amoc eval 'local.add(10)' status"})
public final class EvalCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "CMD", description = "A shell command, quoted as one argument.")
    private List<String> commands;

    private final ShellEnvironment environment;

    public EvalCommand(ShellEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        DaemonFiles files = DaemonFiles.master(VarDir.of(environment.home()));
        try (DaemonClient client = DaemonClient.connect(files.attachPoint())) {
            for (String command : commands) {
                Reply reply = client.run(command, environment.out()::println);
                if (!reply.ok()) {
                    environment.err().println(reply.text());
                    return ExitCode.COMMAND_FAILED.status();
                }
                if (!reply.text().isEmpty()) {
                    environment.out().println(reply.text());
                }
            }
            return ExitCode.OK.status();
        } catch (DaemonNotRunningException e) {
            environment.err().println("amoc: " + e.getMessage());
            return ExitCode.NOT_RUNNING.status();
        } catch (AccessRefusedException e) {
            environment.err().println("amoc: " + e.getMessage());
            return ExitCode.COMMAND_FAILED.status();
        }
    }
}
