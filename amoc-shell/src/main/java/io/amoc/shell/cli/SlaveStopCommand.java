package io.amoc.shell.cli;

import io.amoc.shell.daemon.DaemonFiles;
import io.amoc.shell.daemon.DaemonStopper;
import io.amoc.shell.daemon.PidFile;
import io.amoc.shell.daemon.VarDir;
import picocli.CommandLine.Command;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code bin/amoc slave stop}: ends the slave daemon of this install (SIGTERM, then SIGKILL). */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop the slave daemon started with bin/amoc slave start: its users end and the process exits.")
public final class SlaveStopCommand implements Callable<Integer> {

    private final ShellEnvironment environment;

    public SlaveStopCommand(ShellEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        DaemonFiles files = DaemonFiles.slave(VarDir.of(environment.home()));
        Optional<ProcessHandle> process = PidFile.liveProcess(files.pidFile());
        if (process.isEmpty()) {
            environment.err().println("amoc: no slave is running here (no live process in " + files.pidFile()
                    + "); start one with bin/amoc slave start");
            return ExitCode.NOT_RUNNING.status();
        }
        DaemonStopper.Ending ending = DaemonStopper.stop(process.get(), Duration.ZERO);
        if (ending == DaemonStopper.Ending.STILL_ALIVE) {
            environment.err().println("amoc: slave pid " + process.get().pid() + " is still alive after SIGKILL;"
                    + " check it with: ps -p " + process.get().pid());
            return ExitCode.COMMAND_FAILED.status();
        }
        PidFile.deleteIfOwnedBy(files.pidFile(), process.get().pid());
        environment.out().println("amoc slave stopped (pid " + process.get().pid() + ")");
        return ExitCode.OK.status();
    }
}
