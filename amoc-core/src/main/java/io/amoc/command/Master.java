package io.amoc.command;

import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.NodeView;
import io.amoc.cluster.UnknownNodeException;
import io.amoc.compile.ScenarioCompileException;
import io.amoc.compile.UnknownScenarioException;
import io.amoc.config.Config;
import io.amoc.config.ConfigKeys;
import io.amoc.engine.NodeState;
import io.amoc.engine.NodeStatus;
import io.amoc.logs.LogLevels;
import io.amoc.metrics.MetricsReporting;
import io.amoc.metrics.NodeMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
        this.settings = new Settings(setup.config(), setup.local(), slaves, this::configChanged);
        this.local = new RunControl(Target.LOCAL, RunNodes.local(setup.local()), setup.catalog(), settings,
                System::currentTimeMillis, recording());
        this.dist = new RunControl(Target.DIST, slaves, setup.catalog(), settings, System::currentTimeMillis,
                recording());
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

    /**
     * Runs one load test to its end and judges it: start, wait until every user has finished or the duration has
     * passed, stop, evaluate the thresholds, write the report. The listener hears how it goes.
     */
    public LoadTestResult runLoadTest(LoadTestRequest request, LoadTestListener listener)
            throws CommandException, UnknownScenarioException, ScenarioCompileException, InterruptedException {
        return runLoadTest(request, listener, new LoadTestInterruption());
    }

    /**
     * {@link #runLoadTest(LoadTestRequest, LoadTestListener)} that {@code interruption} may end early, from another
     * thread: the run then stops, its verdict is an error, and its report is still written.
     */
    public LoadTestResult runLoadTest(LoadTestRequest request, LoadTestListener listener,
                                      LoadTestInterruption interruption)
            throws CommandException, UnknownScenarioException, ScenarioCompileException, InterruptedException {
        return new LoadTest(this, interruption).run(request, listener);
    }

    /**
     * One node's status by name: the master's own node ({@code local}) or a slave ({@code host:port}).
     *
     * @throws UnknownNodeException no node has that name
     */
    public NodeStatusAnswer nodeStatus(String node) throws CommandException, UnknownNodeException {
        ClusterResult<NodeStatus> own = local.status();
        if (own.byNode().containsKey(node)) {
            return new NodeStatusAnswer(Target.LOCAL, node, own.byNode().get(node));
        }
        List<String> slaveNames = slaveNames();
        if (slaveNames.contains(node)) {
            return new NodeStatusAnswer(Target.DIST, node, dist.status().byNode().get(node));
        }
        List<String> known = new ArrayList<>(own.byNode().keySet());
        known.addAll(slaveNames);
        throw new UnknownNodeException(node, known);
    }

    /**
     * Whether the scenario {@code name} runs on any node (the master's own or a slave), ran and was stopped, or
     * only sits in the scenario path.
     *
     * @throws UnknownScenarioException it is not in the scenario path
     */
    public ScenarioPhase scenarioPhase(String name) throws UnknownScenarioException, CommandException {
        scenarios.entry(name);
        List<NodeStatus> nodes = new ArrayList<>(local.status().values().values());
        if (!slaveNames().isEmpty()) {
            nodes.addAll(dist.status().values().values());
        }
        List<NodeState> states = nodes.stream().filter(s -> name.equals(s.scenario())).map(NodeStatus::state).toList();
        if (states.contains(NodeState.RUNNING) || states.contains(NodeState.TERMINATING)) {
            return ScenarioPhase.RUNNING;
        }
        return states.isEmpty() || states.stream().allMatch(s -> s == NodeState.IDLE)
                ? ScenarioPhase.LOADED : ScenarioPhase.FINISHED;
    }

    /**
     * The target a front end addresses when its user names none: the one running a scenario (the slaves first),
     * else the slaves if there are any, else the master's own node.
     */
    public Target defaultTarget() {
        if (dist.running().isPresent()) {
            return Target.DIST;
        }
        if (local.running().isPresent()) {
            return Target.LOCAL;
        }
        return slaveNames().isEmpty() ? Target.LOCAL : Target.DIST;
    }

    /** The slaves' names, in node order; none when the slave side cannot start. */
    private List<String> slaveNames() {
        try {
            return slaves.nodes().stream().map(NodeView::node).toList();
        } catch (CommandException noSlaveSide) {
            return List.of();
        }
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

    /** A target's recording: sampled every {@code report_interval}, with the config as {@code config.list} shows it. */
    private RunRecording recording() {
        return new RunRecording(() -> ConfigKeys.REPORT_INTERVAL.get(config), settings::list);
    }

    private void configChanged(String key) {
        if (key.startsWith("graphite_")) {
            reporting.refresh();
        }
    }
}
