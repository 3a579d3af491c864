package io.amoc.shell.cli;

import io.amoc.shell.attach.DaemonClient;
import io.amoc.shell.daemon.DaemonFiles;
import io.amoc.shell.daemon.DaemonStopper;
import io.amoc.shell.daemon.PidFile;
import io.amoc.shell.daemon.VarDir;
import io.amoc.shell.language.Reply;
import picocli.CommandLine.Command;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code bin/amoc stop}: ends the master daemon and everything it runs. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Stop the amoc master daemon: its users end, then the process exits.",
                "If it does not answer it gets SIGTERM, then SIGKILL: no process is left behind."})
public final class StopCommand implements Callable<Integer> {

    /** How long a daemon that was asked to stop gets to end its users before it is sent signals. */
    static final Duration STOP_PATIENCE = Duration.ofSeconds(30);

    private final ShellEnvironment environment;

    public StopCommand(ShellEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        DaemonFiles files = DaemonFiles.master(VarDir.of(environment.home()));
        Optional<ProcessHandle> process = PidFile.liveProcess(files.pidFile());
        boolean asked = askToStop(files);
        if (process.isEmpty() && !asked) {
            environment.err().println("amoc: amoc is not running (no live process in " + files.pidFile()
                    + "); start it with bin/amoc start");
            return ExitCode.NOT_RUNNING.status();
        }
        if (process.isPresent()) {
            Duration patience = asked ? STOP_PATIENCE : Duration.ZERO;
            DaemonStopper.Ending ending = DaemonStopper.stop(process.get(), patience);
            if (ending == DaemonStopper.Ending.STILL_ALIVE) {
                environment.err().println("amoc: pid " + process.get().pid() + " is still alive after SIGKILL;"
                        + " check it with: ps -p " + process.get().pid());
                return ExitCode.COMMAND_FAILED.status();
            }
            PidFile.deleteIfOwnedBy(files.pidFile(), process.get().pid());
            environment.out().println("amoc stopped (pid " + process.get().pid() + ")");
        } else {
            environment.out().println("amoc stopped");
        }
        return ExitCode.OK.status();
    }

    private static boolean askToStop(DaemonFiles files) {
        try (DaemonClient client = DaemonClient.connect(files.attachPoint())) {
            Reply reply = client.stop();
            return reply.ok();
        } catch (Exception notAnswering) {
            return false;
        }
    }
}
