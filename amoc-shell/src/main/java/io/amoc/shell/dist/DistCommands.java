package io.amoc.shell.dist;

import io.amoc.cluster.Cluster;
import io.amoc.cluster.ClusterListener;
import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.NodeView;
import io.amoc.cluster.RunOptions;
import io.amoc.compile.ScenarioBundle;
import io.amoc.compile.ScenarioCatalog;
import io.amoc.config.Config;
import io.amoc.engine.NodeStatus;
import io.amoc.engine.RemovalReport;
import io.amoc.rmi.BadSlaveAddressException;
import io.amoc.rmi.Distribution;
import io.amoc.rmi.tls.TlsMaterialException;
import io.amoc.shell.Reply;
import io.amoc.shell.command.ArgTypes;
import io.amoc.shell.command.Args;
import io.amoc.shell.command.BadArgumentException;
import io.amoc.shell.command.Command;
import io.amoc.shell.command.Param;
import io.amoc.shell.render.ClusterResults;
import io.amoc.shell.render.StatusView;
import io.amoc.shell.render.UserIds;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * dist.do, dist.add, dist.remove, dist.stop, dist.status, dist.connect, dist.disconnect and nodes: the slaves,
 * driven like the local node. The master side starts at the first of these commands (connecting config
 * {@code hosts}); every answer lists each slave by name, down ones included.
 */
public final class DistCommands implements AutoCloseable {

    private final ScenarioCatalog catalog;
    private final Config config;
    private final List<ClusterListener> listeners = new CopyOnWriteArrayList<>();
    private Distribution distribution;

    public DistCommands(ScenarioCatalog catalog, Config config) {
        this.catalog = catalog;
        this.config = config;
    }

    public List<Command> commands() {
        Param nodes = Param.optional("nodes", ArgTypes.NAMES, List.of());
        return List.of(
                new Command("dist.do", "ship the scenario to the slaves, run init, split users From..To round-robin",
                        List.of(Param.required("scenario", ArgTypes.SCENARIO), Param.required("from", ArgTypes.USER_ID),
                                Param.required("to", ArgTypes.USER_ID), nodes, Param.optional("comment", ArgTypes.TEXT, "")),
                        this::start),
                new Command("dist.add", "add Count users in all, continuing the ids, round-robin over the slaves",
                        List.of(Param.required("count", ArgTypes.COUNT), nodes), this::add),
                new Command("dist.remove", "remove the Count highest-id users of the cluster (force: interrupt now)",
                        List.of(Param.required("count", ArgTypes.COUNT), Param.optional("force", ArgTypes.BOOLEAN, false), nodes),
                        this::remove),
                Command.of("dist.stop", "stop every slave's users, then terminate once per slave", args -> stop()),
                Command.of("dist.status", "each slave's state, scenario, users and failures", args -> status()),
                new Command("dist.connect", "add a slave (\"host:port\") at the end of the node order"
                        + " (takeover=true: take it from the master that holds it, ending that master's run there)",
                        List.of(Param.required("address", ArgTypes.TEXT), Param.optional("takeover", ArgTypes.BOOLEAN, false)),
                        args -> args.flag("takeover") ? takeOver(args.text("address")) : connect(args.text("address"))),
                new Command("dist.disconnect", "stop using a slave (\"host:port\")",
                        List.of(Param.required("address", ArgTypes.TEXT)), args -> disconnect(args.text("address"))),
                Command.of("nodes", "the slaves: up or down, last seen, state and users", args -> nodes()));
    }

    /** Pushes a value set with config.set to the slaves that are up (a no-op before any dist command). */
    public void configChanged(String key, Object value) throws ConfigNotPushedException {
        Distribution current = current();
        if (current == null) {
            return;
        }
        ClusterResult<Void> pushed = current.setConfig(key, value);
        List<String> failed = pushed.failedNodes().stream().filter(n -> isUp(current, n)).toList();
        if (!failed.isEmpty()) {
            throw new ConfigNotPushedException(key, failed);
        }
    }

    /**
     * Stops a running distributed scenario on the slaves that answer, then the heartbeats (a slave that did not
     * answer stops its users after its master_silence_timeout).
     */
    @Override
    public synchronized void close() {
        if (distribution != null) {
            if (distribution.cluster().running().isPresent()) {
                distribution.cluster().stop();
            }
            distribution.close();
        }
    }

    /** The slaves' cluster, once a dist command has started it. */
    public synchronized Optional<Cluster> cluster() {
        return Optional.ofNullable(distribution).map(Distribution::cluster);
    }

    /** Adds a listener to the slaves' cluster, now or when it starts. */
    public synchronized void addClusterListener(ClusterListener listener) {
        listeners.add(listener);
        if (distribution != null) {
            distribution.cluster().addListener(listener);
        }
    }

    private synchronized Distribution current() {
        return distribution;
    }

    private synchronized Distribution distribution() throws BadArgumentException {
        if (distribution == null) {
            try {
                distribution = Distribution.start(config);
                listeners.forEach(distribution.cluster()::addListener);
            } catch (BadSlaveAddressException e) {
                throw new BadArgumentException("config hosts: " + e.getMessage());
            } catch (TlsMaterialException e) {
                throw new BadArgumentException(e.getMessage());
            }
        }
        return distribution;
    }

    private Distribution withSlaves() throws BadArgumentException {
        Distribution current = distribution();
        if (current.nodes().isEmpty()) {
            throw new BadArgumentException("no slaves: connect one with dist.connect(\"host:port\"), or list them in"
                    + " config hosts, e.g. hosts = [\"10.0.0.5:1099\"]");
        }
        return current;
    }

    private Reply start(Args args) throws Exception {
        long from = args.number("from");
        long to = args.number("to");
        if (to < from) {
            throw new BadArgumentException("dist.do: To (" + to + ") is below From (" + from + "): users get the ids"
                    + " From..To, e.g. dist.do(" + args.text("scenario") + ", 1, 10)");
        }
        Distribution slaves = withSlaves();
        ScenarioBundle bundle = catalog.bundle(args.text("scenario"));
        RunOptions options = options(args, args.text("comment"));
        ClusterResult<Void> started = slaves.withDownNodes(slaves.cluster().start(bundle, from, to, options), options);
        return ClusterResults.reply(started, nothing -> "started " + bundle.scenarioName() + "@"
                + StatusView.shortSha(bundle.sha256()));
    }

    private Reply add(Args args) throws Exception {
        Distribution slaves = withSlaves();
        RunOptions options = options(args, "");
        return ClusterResults.reply(slaves.withDownNodes(slaves.cluster().add(args.number("count"), options), options),
                ids -> ids.isEmpty() ? "no users" : "adding users " + UserIds.of(ids));
    }

    private Reply remove(Args args) throws Exception {
        Distribution slaves = withSlaves();
        RunOptions options = options(args, "");
        boolean force = args.flag("force");
        ClusterResult<RemovalReport> removed = slaves.cluster().remove(args.number("count"), force, options);
        return ClusterResults.reply(slaves.withDownNodes(removed, options), report -> removed(report, force));
    }

    private Reply stop() throws Exception {
        Distribution slaves = withSlaves();
        return ClusterResults.reply(slaves.withDownNodes(slaves.cluster().stop(), RunOptions.all()), nothing -> "stopped");
    }

    private Reply status() throws Exception {
        Distribution slaves = withSlaves();
        ClusterResult<NodeStatus> statuses = slaves.withDownNodes(slaves.cluster().status(), RunOptions.all());
        return Reply.ok(StatusView.render(statuses) + "\n" + totals(statuses));
    }

    private Reply connect(String address) throws Exception {
        NodeView view = distribution().connect(address);
        return view.up() ? Reply.ok(NodesView.connected(view))
                : Reply.error("error: " + view.node() + " was added but is down ("
                + view.problem().orElse("no answer") + "); it is used as soon as it answers (see nodes)");
    }

    private Reply takeOver(String address) throws Exception {
        Distribution.TakeOver taken = distribution().takeOver(address);
        return Reply.ok(NodesView.connected(taken.view()) + taken.previousOwner()
                .map(owner -> "; taken over from master " + owner + ", whose users there were stopped")
                .orElse("; no other master held it"));
    }

    private Reply disconnect(String address) throws Exception {
        return Reply.ok("disconnected " + address + (distribution().disconnect(address)
                ? ": released, its users stopped" : ": it did not answer; its users stop after its master_silence_timeout"));
    }

    private Reply nodes() throws Exception {
        Distribution slaves = distribution();
        List<NodeView> views = slaves.nodes();
        String table = views.isEmpty() ? "no slaves: connect one with dist.connect(\"host:port\") or set config hosts"
                : NodesView.render(views, java.time.Instant.now());
        return Reply.ok(table + slaves.tlsWarning().map(w -> "\nwarning: " + w).orElse(""));
    }

    /** {@code total: 1000 users on 2 of 3 slaves, 4 failures}. */
    static String totals(ClusterResult<NodeStatus> statuses) {
        long users = statuses.values().values().stream().mapToLong(NodeStatus::usersAlive).sum();
        long failures = statuses.values().values().stream().mapToLong(NodeStatus::failures).sum();
        return "total: " + users + (users == 1 ? " user" : " users") + " on " + statuses.values().size() + " of "
                + statuses.byNode().size() + " slaves, " + failures + (failures == 1 ? " failure" : " failures");
    }

    private static RunOptions options(Args args, String comment) {
        @SuppressWarnings("unchecked")
        List<String> nodes = (List<String>) args.value("nodes");
        return new RunOptions(nodes, comment);
    }

    private static boolean isUp(Distribution distribution, String node) {
        return distribution.nodes().stream().anyMatch(v -> v.node().equals(node) && v.up());
    }

    private static String removed(RemovalReport report, boolean force) {
        if (report.removed().isEmpty()) {
            return "none";
        }
        String text = (force ? "removed " : "removing ") + UserIds.of(report.removed().stream().sorted().toList());
        return report.stragglers().isEmpty() ? text
                : text + "; still alive: " + UserIds.of(report.stragglers().stream().sorted().toList());
    }
}
