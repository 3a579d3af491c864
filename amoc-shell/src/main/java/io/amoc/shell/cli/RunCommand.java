package io.amoc.shell.cli;

import io.amoc.command.CommandException;
import io.amoc.command.LoadTestInterruption;
import io.amoc.command.LoadTestListener;
import io.amoc.command.LoadTestRequest;
import io.amoc.command.LoadTestResult;
import io.amoc.command.Master;
import io.amoc.command.MasterSetup;
import io.amoc.command.RunStarted;
import io.amoc.command.Target;
import io.amoc.cluster.ClusterResult;
import io.amoc.compile.ScenarioCompileException;
import io.amoc.compile.UnknownScenarioException;
import io.amoc.config.Config;
import io.amoc.engine.NodeStatus;
import io.amoc.rmi.Distribution;
import io.amoc.shell.daemon.VarDir;
import io.amoc.shell.render.LoadTestView;
import io.amoc.shell.render.RunView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code bin/amoc run}: one load test to its end, its summary and verdict, and the verdict as the exit status. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run one load test to its end (every user finished, or the duration passed), print its summary"
                + " and verdict, and exit with it:",
                "  0 every threshold held, 1 a threshold failed, 2 error (the test could not be carried out),",
                "  3 inconclusive (a load generator was overloaded: its figures may be its own).",
                "Without --threshold the run is held to count(user_failures) == 0 and count(messages_missing) == 0.",
                "Example: bin/amoc run OneToOneChat --users 200 --rate 20/s --duration 2m"
                        + " --threshold 'p99(message_ttd) < 500ms' --report var/reports/chat"})
public final class RunCommand implements Callable<Integer> {

    /** How long leaving waits for the run to stop when the process is ended (Ctrl-C) while it runs. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    /**
     * How long a signal (Ctrl-C, SIGTERM) waits for the interrupted run to stop, drain its messages, print its
     * verdict and write its report before the process ends without them.
     */
    private static final Duration SIGNAL_PATIENCE = Duration.ofSeconds(60);

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario: its class's simple name.")
    private String scenario;

    @Option(names = "--users", paramLabel = "N", required = true, description = "Users 1..N in all.")
    private long users;

    @Option(names = "--rate", paramLabel = "R/s", converter = RunArguments.Rate.class,
            description = "Users started per second over the whole cluster, e.g. 20/s or 600/min (default: config"
                    + " interarrival on each node).")
    private Double rate;

    @Option(names = "--duration", paramLabel = "D", converter = RunArguments.Length.class,
            description = "The longest the run may last, e.g. 90s, 5m, 1h (default: until every user has finished).")
    private Duration duration;

    @Option(names = "--dist", description = "Run on the slaves (config hosts) instead of this machine.")
    private boolean dist;

    @Option(names = "--threshold", paramLabel = "EXPR", description = "A condition the run must meet, e.g."
            + " 'p99(message_ttd) < 500ms' or 'count(messages_received) >= 0.999 * count(messages_sent)' (repeatable).")
    private List<String> thresholds = new ArrayList<>();

    @Option(names = "--report", paramLabel = "DIR",
            description = "Write the report here: index.html, summary.json, junit.xml, timeseries.csv.")
    private Path report;

    @Mixin
    private MasterOptions options = new MasterOptions();

    private final ShellEnvironment environment;

    public RunCommand(ShellEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        Optional<Config> read = options.installedConfig(environment);
        if (read.isEmpty()) {
            return ExitCode.USAGE.status();
        }
        Master master = Master.start(MasterSetup.of(environment.home(), options.scenarioDirs(),
                VarDir.of(environment.home()).resolve("scenarios"), read.get(), Distribution::start));
        LoadTestInterruption interruption = new LoadTestInterruption();
        CompletableFuture<ExitCode> finished = new CompletableFuture<>();
        Thread onSignal = new Thread(() -> endOnSignal(interruption, finished), "amoc-run-signal");
        Runtime.getRuntime().addShutdownHook(onSignal);
        ExitCode exit = ExitCode.RUN_ERROR;
        try {
            exit = run(master, interruption);
            return exit.status();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // a signal: its hook waits for what follows and ends the process with the run's exit status
            }
            close(master);
            environment.out().flush();
            finished.complete(exit);
        }
    }

    /**
     * The process was asked to end (Ctrl-C, SIGTERM) while the run goes on: the run is interrupted (it stops, its
     * verdict is an error, its report is written) and the process ends with the run's exit status.
     */
    private void endOnSignal(LoadTestInterruption interruption, CompletableFuture<ExitCode> finished) {
        interruption.request();
        ExitCode exit;
        try {
            exit = finished.get(SIGNAL_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            environment.err().println("amoc: run: the interrupted run did not stop within "
                    + SIGNAL_PATIENCE.toSeconds() + " s; ending without its verdict");
            exit = ExitCode.RUN_ERROR;
        } catch (InterruptedException | ExecutionException e) {
            exit = ExitCode.RUN_ERROR;
        }
        environment.out().flush();
        environment.err().flush();
        Main.haltFromShutdownHook(exit);
    }

    private ExitCode run(Master master, LoadTestInterruption interruption) throws InterruptedException {
        LoadTestRequest request = new LoadTestRequest(dist ? Target.DIST : Target.LOCAL, scenario, users,
                rate == null ? OptionalDouble.empty() : OptionalDouble.of(rate), Optional.ofNullable(duration),
                thresholds, Optional.ofNullable(report));
        try {
            LoadTestResult result = master.runLoadTest(request, new Progress(request), interruption);
            environment.out().println(LoadTestView.result(result, thresholds.isEmpty()));
            return ExitCode.of(result.verdict().outcome());
        } catch (CommandException | UnknownScenarioException | ScenarioCompileException e) {
            environment.err().println("amoc: " + e.getMessage());
            environment.out().println("verdict: error: " + e.getMessage().lines().findFirst().orElse(""));
            return ExitCode.RUN_ERROR;
        }
    }

    private static void close(Master master) {
        try {
            master.close(STOP_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Prints a line every 10 s while init runs long, the start, and a line every 10 s while the run goes on. */
    private final class Progress implements LoadTestListener {
        private final LoadTestRequest request;

        Progress(LoadTestRequest request) {
            this.request = request;
        }

        @Override
        public void started(RunStarted started, long interarrival) {
            environment.out().println(LoadTestView.started(request, started, interarrival));
        }

        @Override
        public void initRunning(String scenario, Duration elapsed) {
            environment.out().println(RunView.initRunning("run", scenario, elapsed));
        }

        @Override
        public void running(Duration elapsed, ClusterResult<NodeStatus> statuses) {
            environment.out().println(LoadTestView.running(elapsed, statuses));
        }
    }
}
