package io.amoc.shell.cli;

import io.amoc.config.Config;
import io.amoc.http.ApiConfigException;
import io.amoc.shell.attach.DaemonClient;
import io.amoc.shell.daemon.DaemonFiles;
import io.amoc.shell.daemon.DaemonLauncher;
import io.amoc.shell.daemon.DaemonStopper;
import io.amoc.shell.daemon.LogTail;
import io.amoc.shell.daemon.MasterApi;
import io.amoc.shell.daemon.MasterDaemon;
import io.amoc.shell.daemon.MasterShell;
import io.amoc.shell.daemon.PidFile;
import io.amoc.shell.daemon.Readiness;
import io.amoc.shell.daemon.VarDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code bin/amoc start}: the master as a daemon (pid and log under var/), for attach, eval and stop. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Start the amoc master as a daemon: it keeps running (and its users with it) after this returns.",
                "Files under var/ of the install (or $AMOC_VAR_DIR): amoc.pid, log/amoc.log, amoc.sock, amoc.token.",
                "Then: bin/amoc attach, bin/amoc eval 'CMD', bin/amoc ping, bin/amoc stop."})
public final class StartCommand implements Callable<Integer> {

    static final String FOREGROUND = "--foreground";
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @Mixin
    private MasterOptions options = new MasterOptions();

    @Option(names = FOREGROUND,
            description = "Run the daemon in this process, logging to stdout (for systemd, Docker, or debugging).")
    private boolean foreground;

    private final ShellEnvironment environment;

    public StartCommand(ShellEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Optional<String> badOption = options.problem(environment);
        if (badOption.isPresent()) {
            environment.err().println("amoc: " + badOption.get());
            return ExitCode.USAGE.status();
        }
        DaemonFiles files = DaemonFiles.master(VarDir.of(environment.home()));
        Optional<ProcessHandle> running = PidFile.liveProcess(files.pidFile());
        if (running.isPresent()) {
            environment.err().println("amoc: amoc is already running (pid " + running.get().pid()
                    + "); attach with bin/amoc attach, or stop it with bin/amoc stop");
            return ExitCode.COMMAND_FAILED.status();
        }
        return foreground ? runHere(files) : launch(files);
    }

    private int runHere(DaemonFiles files) throws IOException, InterruptedException {
        Optional<Config> config = options.readConfig(environment);
        if (config.isEmpty()) {
            return ExitCode.USAGE.status();
        }
        MasterApi api;
        try {
            api = MasterApi.configured(config.get(), environment.home());
        } catch (ApiConfigException e) {
            environment.err().println("amoc: " + e.getMessage());
            return ExitCode.USAGE.status();
        }
        Optional<String> refused = new MasterDaemon(files)
                .run(() -> MasterShell.create(environment.home(), options.scenarioDirs(), config.get(), api));
        if (refused.isPresent()) {
            environment.err().println("amoc: " + refused.get() + "; stop it first with bin/amoc stop");
            return ExitCode.COMMAND_FAILED.status();
        }
        return ExitCode.OK.status();
    }

    private int launch(DaemonFiles files) throws IOException, InterruptedException {
        Process process = DaemonLauncher.launch(files, DaemonMain.MASTER, forwardedArguments());
        Readiness.Outcome outcome = Readiness.await(process, () -> answers(files), START_TIMEOUT);
        switch (outcome) {
            case READY -> {
                long pid = PidFile.read(files.pidFile()).orElse(process.pid());
                environment.out().println("amoc started (pid " + pid + ", log " + files.logFile()
                        + "); attach with bin/amoc attach");
                return ExitCode.OK.status();
            }
            case DIED -> environment.err().println("amoc: the daemon did not start; the end of "
                    + files.logFile() + ":\n" + LogTail.of(files.logFile()));
            case TIMED_OUT -> {
                environment.err().println("amoc: the daemon did not answer within " + START_TIMEOUT.toSeconds()
                        + " s; stopping it. The end of " + files.logFile() + ":\n" + LogTail.of(files.logFile()));
                DaemonStopper.stop(process.toHandle(), Duration.ZERO);
            }
        }
        return ExitCode.COMMAND_FAILED.status();
    }

    private List<String> forwardedArguments() {
        List<String> args = new ArrayList<>();
        for (Path dir : options.scenarioDirs()) {
            args.add("--scenarios");
            args.add(dir.toAbsolutePath().toString());
        }
        if (options.givenConfigFile().isPresent()) {
            args.add("--config");
            args.add(options.givenConfigFile().get().toAbsolutePath().toString());
        }
        return args;
    }

    private static boolean answers(DaemonFiles files) {
        try (DaemonClient client = DaemonClient.connect(files.attachPoint())) {
            return client.ping().ok();
        } catch (Exception notYet) {
            return false;
        }
    }
}
