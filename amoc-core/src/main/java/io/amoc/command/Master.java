package io.amoc.command;

import io.amoc.config.Config;
import io.amoc.logs.LogLevels;
import io.amoc.metrics.MetricsReporting;
import io.amoc.metrics.NodeMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * The command layer of a master JVM: every operation a front end (the console, an attached shell, {@code eval}, the
 * HTTP API) may ask of amoc, with typed requests and typed, per-node results. Front ends parse and render; the
 * checks, the per-node answers (down slaves named), the run summaries, and Graphite reporting and annotations
 * belong here, once.
 *
 * <pre>{@code
 * Master master = Master.start(MasterSetup.of(home, dirs, uploadDir, config, Distribution::start));
 * RunStarted started = master.dist().start(StartRequest.of("Chat", 1, 1000));
 * ClusterResult<NodeStatus> status = master.dist().status();
 * RunStopped stopped = master.dist().stop();       // with the run's summary
 * }</pre>
 *
 * <p><b>Threads.</b> One master serves any number of front ends at once. Each part is thread-safe on its own:
 * {@link RunControl} runs one change (start, add, remove, stop) of a target at a time and answers status and metrics
 * meanwhile; {@link Settings} sets one value at a time; {@link ScenarioLibrary} compiles and uploads one at a time;
 * {@link SlaveDirectory} starts the slave side once. Two front ends changing the same target see their changes
 * applied one after the other, each with its own answer.
 */
public final class Master {

    private static final Logger LOG = LoggerFactory.getLogger(Master.class);

    private final Config config;
    private final RunControl local;
    private final RunControl dist;
    private final SlaveDirectory slaves;
    private final Settings settings;
    private final ScenarioLibrary scenarios;
    private final MetricsReporting reporting;
    private final Annotations annotations;

    private Master(MasterSetup setup, MetricsReporting reporting) {
        this.config = setup.config();
        this.reporting = reporting;
        this.annotations = new Annotations(setup.config());
        setup.local().addListener(annotations);
        this.slaves = new SlaveDirectory(setup.config(), setup.slaves(), annotations, Clock.systemUTC());
        this.local = new RunControl(Target.LOCAL, RunNodes.local(setup.local()), setup.catalog(),
                System::currentTimeMillis);
        this.dist = new RunControl(Target.DIST, slaves, setup.catalog(), System::currentTimeMillis);
        this.settings = new Settings(setup.config(), setup.local(), slaves, this::configChanged);
        this.scenarios = new ScenarioLibrary(setup.catalog(), setup.uploadDir());
    }

    /**
     * The command layer over {@code setup}; this JVM's metrics go to Graphite while config graphite_host is set, and
     * its loggers follow the config's {@code log_level.*} keys.
     */
    public static Master start(MasterSetup setup) {
        LogLevels.followConfig();
        return new Master(setup, MetricsReporting.startFromConfig(NodeMetrics.current(), setup.config()));
    }

    /** The node inside this JVM. */
    public RunControl local() {
        return local;
    }

    /** The slaves. */
    public RunControl dist() {
        return dist;
    }

    /** {@link #local()} or {@link #dist()}. */
    public RunControl on(Target target) {
        return target == Target.LOCAL ? local : dist;
    }

    /** The slaves themselves: connect, disconnect, list. */
    public SlaveDirectory slaves() {
        return slaves;
    }

    /** config.get, config.set, config.list. */
    public Settings settings() {
        return settings;
    }

    /** The scenarios: list, compile, upload. */
    public ScenarioLibrary scenarios() {
        return scenarios;
    }

    /** The master's configuration. */
    public Config config() {
        return config;
    }

    /**
     * Ends what the master runs: a distributed run on the slaves that answer, their heartbeats, Graphite reporting,
     * and the local run, whose {@code terminate} is given {@code stopTimeout}. False when the local run did not stop
     * in time.
     */
    public boolean close(Duration stopTimeout) throws InterruptedException {
        slaves.close();
        reporting.close();
        annotations.close();
        if (local.running().isEmpty()) {
            return true;
        }
        Thread stopping = Thread.ofVirtual().start(() -> {
            try {
                local.stop();
            } catch (CommandException cannotHappenLocally) {
                LOG.warn("stopping the local run failed: {}", cannotHappenLocally.getMessage());
            }
        });
        return stopping.join(stopTimeout);
    }

    private void configChanged(String key) {
        if (key.startsWith("graphite_")) {
            reporting.refresh();
        }
    }
}
