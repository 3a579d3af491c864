package io.amoc.shell.cli;

import io.amoc.shell.daemon.DaemonFiles;
import io.amoc.shell.daemon.DaemonLauncher;
import io.amoc.shell.daemon.DaemonStopper;
import io.amoc.shell.daemon.LogTail;
import io.amoc.shell.daemon.PidFile;
import io.amoc.shell.daemon.Readiness;
import io.amoc.shell.daemon.SlaveArguments;
import io.amoc.shell.daemon.VarDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code bin/amoc slave start [slave options]}: the slave as a daemon, pid and log under var/. */
@Command(name = "start", mixinStandardHelpOptions = true,
        customSynopsis = "bin/amoc slave start [-h] [SLAVE OPTIONS: --bind=ADDR --port=P --object-port=P --allow-loopback --config=FILE]",
        description = {"Start a slave as a daemon; the options are those of bin/amoc slave (e.g. --bind ADDR --port P).",
                "Files under var/ (or $AMOC_VAR_DIR): amoc-slave.pid, log/amoc-slave.log. Stop it with bin/amoc slave stop."})
public final class SlaveStartCommand implements Callable<Integer> {

    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @Unmatched
    private List<String> slaveArguments = new ArrayList<>();

    private final ShellEnvironment environment;

    public SlaveStartCommand(ShellEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        DaemonFiles files = DaemonFiles.slave(VarDir.of(environment.home()));
        Optional<ProcessHandle> running = PidFile.liveProcess(files.pidFile());
        if (running.isPresent()) {
            environment.err().println("amoc: a slave is already running here (pid " + running.get().pid()
                    + "); stop it with bin/amoc slave stop");
            return ExitCode.COMMAND_FAILED.status();
        }
        SlaveArguments arguments = new SlaveArguments(slaveArguments);
        Process process = DaemonLauncher.launch(files, DaemonMain.SLAVE, slaveArguments);
        Readiness.Outcome outcome = Readiness.await(process,
                () -> PidFile.liveProcess(files.pidFile()).isPresent()
                        && arguments.registryAnswers(environment.defaultConfigFile()),
                START_TIMEOUT);
        if (outcome == Readiness.Outcome.READY) {
            environment.out().println("amoc slave started (pid " + PidFile.read(files.pidFile()).orElse(process.pid())
                    + ", port " + arguments.port(environment.defaultConfigFile()) + ", log " + files.logFile() + ")");
            return ExitCode.OK.status();
        }
        if (outcome == Readiness.Outcome.TIMED_OUT) {
            DaemonStopper.stop(process.toHandle(), Duration.ZERO);
        }
        environment.err().println("amoc: the slave did not start (" + outcome.name().toLowerCase().replace('_', ' ')
                + "); the end of " + files.logFile() + ":\n" + LogTail.of(files.logFile()));
        return ExitCode.COMMAND_FAILED.status();
    }
}
