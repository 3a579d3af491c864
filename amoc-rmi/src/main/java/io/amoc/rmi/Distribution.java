package io.amoc.rmi;

import io.amoc.cluster.CatchUpOnJoin;
import io.amoc.cluster.Cluster;
import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.DuplicateNodeException;
import io.amoc.cluster.MonitoredNode;
import io.amoc.cluster.NodeDirectory;
import io.amoc.cluster.NodeResult;
import io.amoc.cluster.NodeView;
import io.amoc.cluster.RunOptions;
import io.amoc.cluster.UnknownNodeException;
import io.amoc.config.Config;
import io.amoc.rmi.tls.TlsDirectory;
import io.amoc.rmi.tls.TlsFiles;
import io.amoc.rmi.tls.TlsMaterial;
import io.amoc.rmi.tls.TlsMaterialException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The master's side of a distributed run: the slaves (from {@code hosts} and {@code dist.connect}), their
 * heartbeats, and a {@link Cluster} over the ones that are up, in the order they were added. The master runs no
 * users. Nodes that are down appear by name in every result.
 */
public final class Distribution implements AutoCloseable {

    public static final String HOSTS_KEY = "hosts";
    public static final String HEARTBEAT_KEY = "heartbeat_interval";
    public static final double DEFAULT_HEARTBEAT_SECONDS = 1;
    /** How long closing (or disconnecting) waits for the slaves to confirm their release. */
    static final Duration RELEASE_WAIT = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(Distribution.class);

    private final MasterIdentity identity = MasterIdentity.ofThisProcess();
    private final Clock clock;
    private final NodeDirectory directory;
    private final Cluster cluster;
    private final ExecutorService beats = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService ticker;
    private final TlsMaterial material;
    private final Path tlsDir;

    private Distribution(Duration heartbeat, Clock clock, TlsMaterial material, Path tlsDir) {
        this.clock = clock;
        this.material = material;
        this.tlsDir = tlsDir;
        this.directory = new NodeDirectory(heartbeat, clock, beats);
        this.cluster = new Cluster(directory::live);
        directory.addListener(new CatchUpOnJoin(cluster));
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "amoc-heartbeats");
            thread.setDaemon(true);
            return thread;
        });
        long period = heartbeat.toMillis();
        ticker.scheduleAtFixedRate(directory::beatAll, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts the master's side with the config's timeouts, heartbeat interval and TLS material ({@code tls_dir}),
     * and connects every slave in {@code hosts}. A slave that does not answer yet is kept and shown down until it
     * does. Without TLS material nothing starts: there is no plain mode.
     */
    public static Distribution start(Config config) throws BadSlaveAddressException, TlsMaterialException {
        Path tlsDir = TlsDirectory.of(config);
        TlsMaterial material = TlsFiles.read(tlsDir);
        RmiTimeouts.install(RmiTimeouts.fromConfig(config));
        ClusterTls.install(material);
        List<SlaveAddress> hosts = HostList.parse(config.find(HOSTS_KEY).orElse(List.of()));
        Distribution distribution = new Distribution(
                ConfigDurations.seconds(config, HEARTBEAT_KEY, DEFAULT_HEARTBEAT_SECONDS), Clock.systemUTC(),
                material, tlsDir);
        distribution.tlsWarning().ifPresent(LOG::warn);
        List<SlaveAddress> distinct = hosts.stream().distinct().toList();
        if (distinct.size() < hosts.size()) {
            LOG.warn("hosts lists a slave twice: {}", hosts);
        }
        try {
            distribution.directory.addAll(distinct.stream().map(h -> new RemoteNodeHandle(h, distribution.identity)).toList())
                    .forEach(view -> LOG.info("connected {}: {}{}", view.node(), view.liveness().label(),
                            view.problem().map(p -> " (" + p + ")").orElse("")));
        } catch (DuplicateNodeException impossible) {
            throw new IllegalStateException("a new directory holds no nodes", impossible);
        }
        return distribution;
    }

    /** Adds a slave at the end of the node order; it is up when this returns if it answered its first beat. */
    public NodeView connect(String hostPort) throws BadSlaveAddressException, DuplicateNodeException {
        return connect(SlaveAddress.parse(hostPort));
    }

    /**
     * Takes a slave over from whichever master holds it (one that crashed, say), stopping that master's users
     * there, and adds it (or beats it at once, if it is already connected).
     *
     * @throws io.amoc.cluster.NodeException when the slave cannot be reached
     */
    public TakeOver takeOver(String hostPort)
            throws BadSlaveAddressException, io.amoc.cluster.NodeException, UnknownNodeException {
        SlaveAddress address = SlaveAddress.parse(hostPort);
        RemoteNodeHandle known = handles().stream().filter(h -> h.name().equals(address.toString())).findFirst()
                .orElse(null);
        RemoteNodeHandle handle = known != null ? known : new RemoteNodeHandle(address, identity);
        Optional<String> previous = handle.takeOver();
        previous.ifPresent(p -> LOG.warn("took {} over from master {}, whose users there were stopped", address, p));
        if (known != null) {
            return new TakeOver(directory.beat(address.toString()), previous);
        }
        try {
            return new TakeOver(directory.add(handle), previous);
        } catch (DuplicateNodeException raced) {
            return new TakeOver(directory.beat(address.toString()), previous);
        }
    }

    /**
     * The outcome of {@link #takeOver}.
     *
     * @param view         the slave now
     * @param previousOwner the master it was taken from, empty when no other master held it
     */
    public record TakeOver(NodeView view, Optional<String> previousOwner) {
    }

    /** A warning when this master's TLS material ends within two weeks. */
    public Optional<String> tlsWarning() {
        return material.expiryWarning(clock.instant(), tlsDir);
    }

    NodeView connect(SlaveAddress address) throws DuplicateNodeException {
        NodeView view = directory.add(new RemoteNodeHandle(address, identity));
        LOG.info("connected {}: {}{}", address, view.liveness().label(), view.problem().map(p -> " (" + p + ")").orElse(""));
        return view;
    }

    /**
     * Forgets a slave and releases it: it stops its users and is free for another master. Returns false when it
     * did not confirm in time (its users then stop after its silence timeout).
     */
    public boolean disconnect(String hostPort) throws BadSlaveAddressException, UnknownNodeException {
        MonitoredNode removed = directory.remove(SlaveAddress.parse(hostPort).toString());
        return SlaveRelease.of(List.of(removed), RELEASE_WAIT).isEmpty();
    }

    /** The cluster over the slaves that are up: what dist.* calls. Prefer the methods below, which add down nodes. */
    public Cluster cluster() {
        return cluster;
    }

    public MasterIdentity identity() {
        return identity;
    }

    /** Every slave with up/down, last seen and its last known status, in node order. */
    public List<NodeView> nodes() {
        return directory.views();
    }

    /** Adds the nodes that are down (and addressed by {@code options}) to a result, as failures naming them. */
    public <T> ClusterResult<T> withDownNodes(ClusterResult<T> result, RunOptions options) {
        Map<String, NodeResult<T>> ordered = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (NodeView view : directory.views()) {
            boolean addressed = options.nodes().isEmpty() || options.nodes().contains(view.node());
            if (!addressed) {
                continue;
            }
            NodeResult<T> answer = result.byNode().get(view.node());
            if (!view.up() && (answer == null || !answer.ok())) {
                ordered.put(view.node(), new NodeResult.Failed<>(downReason(view, now)));
            } else if (answer != null) {
                ordered.put(view.node(), answer);
            }
        }
        result.byNode().forEach(ordered::putIfAbsent);
        return new ClusterResult<>(ordered);
    }

    /** Pushes a run-time config value to every slave that is up; down ones get all values when they rejoin a run. */
    public ClusterResult<Void> setConfig(String key, Object value) {
        return withDownNodes(cluster.setConfig(key, value), RunOptions.all());
    }

    /**
     * Stops the heartbeats and releases every slave, so that the next master drives them at once. A slave that does
     * not confirm within {@link #RELEASE_WAIT} stops its users after its silence timeout.
     */
    @Override
    public void close() {
        ticker.shutdownNow();
        List<String> unconfirmed = SlaveRelease.of(directory.all(), RELEASE_WAIT).stream()
                .filter(node -> directory.liveness(node) == io.amoc.cluster.Liveness.UP).toList();
        if (!unconfirmed.isEmpty()) {
            LOG.warn("not released (they stop their users after master_silence_timeout): {}", unconfirmed);
        }
        beats.shutdownNow();
    }

    private List<RemoteNodeHandle> handles() {
        return directory.all().stream().filter(RemoteNodeHandle.class::isInstance).map(RemoteNodeHandle.class::cast)
                .toList();
    }

    private static String downReason(NodeView view, Instant now) {
        String seen = view.lastSeen().map(t -> "last seen " + Duration.between(t, now).toSeconds() + " s ago")
                .orElse("never seen");
        String unreachable = view.node() + " is unreachable: ";
        String problem = view.problem().map(p -> p.startsWith(unreachable) ? p.substring(unreachable.length()) : p)
                .map(p -> ": " + p).orElse("");
        return view.node() + " is down (" + seen + problem + ")";
    }

    /** Parses the {@code hosts} value: a list of "host:port", or one such string (commas allowed). */
    static final class HostList {

        private HostList() {
        }

        static List<SlaveAddress> parse(Object value) throws BadSlaveAddressException {
            List<String> texts = new ArrayList<>();
            if (value instanceof List<?> list) {
                list.forEach(item -> texts.add(item instanceof io.amoc.config.Word word ? word.text() : String.valueOf(item)));
            } else {
                for (String part : String.valueOf(value).replace("[", "").replace("]", "").split(",")) {
                    if (!part.isBlank()) {
                        texts.add(part.strip().replace("\"", ""));
                    }
                }
            }
            List<SlaveAddress> addresses = new ArrayList<>();
            for (String text : texts) {
                addresses.add(SlaveAddress.parse(text));
            }
            return addresses;
        }
    }
}
