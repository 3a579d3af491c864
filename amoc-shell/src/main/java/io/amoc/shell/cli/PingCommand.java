package io.amoc.shell.cli;

import io.amoc.shell.attach.AccessRefusedException;
import io.amoc.shell.attach.DaemonClient;
import io.amoc.shell.attach.DaemonNotRunningException;
import io.amoc.shell.daemon.DaemonFiles;
import io.amoc.shell.daemon.VarDir;
import io.amoc.shell.language.Reply;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code bin/amoc ping}: pong if the master daemon answers, else "not running" and a non-zero exit. */
@Command(name = "ping", mixinStandardHelpOptions = true,
        description = {"Check that the amoc master daemon answers: prints pong (exit 0) or not running (exit 4)."})
public final class PingCommand implements Callable<Integer> {

    private final ShellEnvironment environment;

    public PingCommand(ShellEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        DaemonFiles files = DaemonFiles.master(VarDir.of(environment.home()));
        try (DaemonClient client = DaemonClient.connect(files.attachPoint())) {
            Reply reply = client.ping();
            if (reply.ok()) {
                environment.out().println(reply.text());
                return ExitCode.OK.status();
            }
            environment.err().println("amoc: " + reply.text());
            return ExitCode.NOT_RUNNING.status();
        } catch (DaemonNotRunningException e) {
            environment.out().println("not running (start it with bin/amoc start)");
            return ExitCode.NOT_RUNNING.status();
        } catch (AccessRefusedException e) {
            environment.err().println("amoc: " + e.getMessage());
            return ExitCode.COMMAND_FAILED.status();
        }
    }
}
