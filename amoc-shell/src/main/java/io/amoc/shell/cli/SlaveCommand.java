package io.amoc.shell.cli;

import io.amoc.config.Config;
import io.amoc.engine.NodeController;
import io.amoc.health.GeneratorHealth;
import io.amoc.rmi.SlaveOptions;
import io.amoc.rmi.SlaveServer;
import io.amoc.rmi.SlaveStartException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code bin/amoc slave}: a slave in the foreground, waiting for a master, until Ctrl-C or SIGTERM. */
@Command(name = "slave", mixinStandardHelpOptions = true,
        description = {"Run a slave: it hosts users for a master that drives it with dist.* commands.",
                "Listens on two fixed ports (slave_port, slave_object_port) of one address; open both to the master."})
public final class SlaveCommand implements Callable<Integer> {

    @Option(names = "--bind", paramLabel = "ADDR",
            description = "The address to listen on and to give the master (default: this host's address).")
    private String bind;

    @Option(names = "--port", paramLabel = "P", description = "The RMI registry port (default: config slave_port, 1099).")
    private Integer port;

    @Option(names = "--object-port", paramLabel = "P",
            description = "The port of the slave's remote object (default: config slave_object_port, 1100).")
    private Integer objectPort;

    @Option(names = "--allow-loopback", description = "Accept a loopback --bind (127.0.0.1): for one-machine tests.")
    private boolean allowLoopback;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration file (default: conf/amoc.properties of the install).")
    private Path configFile;

    /** How long a slave that ran out of memory waits for its master to read why before it exits. */
    private static final Duration FAILURE_REPORT_PATIENCE = Duration.ofSeconds(5);
    /** How long its shutdown may take before the JVM halts. */
    private static final Duration EXIT_PATIENCE = Duration.ofSeconds(10);

    private final ShellEnvironment environment;

    public SlaveCommand(ShellEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (configFile != null && !Files.isRegularFile(configFile)) {
            environment.err().println("amoc: --config " + configFile + ": no such file");
            return ExitCode.USAGE.status();
        }
        Optional<Config> read = MasterOptions.readOrSay(configFile != null ? configFile : environment.defaultConfigFile(),
                environment);
        if (read.isEmpty()) {
            return ExitCode.USAGE.status();
        }
        Config config = read.get();
        Config.install(config);
        SlaveOptions options;
        try {
            SlaveOptions configured = SlaveOptions.fromConfig(config, bind != null ? bind : thisHost(), allowLoopback);
            options = configured.withPorts(port != null ? port : configured.registryPort(),
                    objectPort != null ? objectPort : configured.objectPort());
        } catch (RuntimeException badConfig) {
            environment.err().println("amoc: " + badConfig.getMessage());
            return ExitCode.USAGE.status();
        }
        SlaveServer server;
        try {
            server = SlaveServer.start(options, name -> new NodeController(name, GeneratorHealth.ofThisJvm()));
        } catch (SlaveStartException e) {
            environment.err().println("amoc: " + e.getMessage());
            return ExitCode.USAGE.status();
        }
        serveUntilStopped(server);
        return ExitCode.OK.status();
    }

    private void serveUntilStopped(SlaveServer server) throws InterruptedException {
        server.onOutOfMemory(FAILURE_REPORT_PATIENCE, reason -> {
            environment.err().println("amoc: slave " + server.nodeName() + " ends: " + reason);
            Main.exitFailing(ExitCode.NODE_FAILED, EXIT_PATIENCE);
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "amoc-slave-shutdown"));
        environment.out().println("amoc slave " + server.nodeName() + " (object port " + server.objectPort()
                + "): waiting for a master; connect it with dist.connect(\"" + server.nodeName() + "\"). Ctrl-C stops.");
        environment.out().flush();
        stopped.await();
    }

    private static String thisHost() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }
}
