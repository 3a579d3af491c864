package io.amoc.rmi;

import io.amoc.cluster.CatchUpOnJoin;
import io.amoc.cluster.Cluster;
import io.amoc.cluster.DuplicateNodeException;
import io.amoc.cluster.MonitoredNode;
import io.amoc.cluster.NodeDirectory;
import io.amoc.cluster.NodeView;
import io.amoc.cluster.Slaves;
import io.amoc.cluster.TakeOver;
import io.amoc.cluster.UnknownNodeException;
import io.amoc.config.Config;
import io.amoc.config.ConfigKeys;
import io.amoc.config.ConfigValueException;
import io.amoc.rmi.tls.TlsDirectory;
import io.amoc.rmi.tls.TlsFiles;
import io.amoc.rmi.tls.TlsMaterial;
import io.amoc.rmi.tls.TlsMaterialException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The master's side of a distributed run over RMI: the slaves (from {@code hosts} and {@code dist.connect}), their
 * heartbeats, and a {@link Cluster} over the ones that are up, in the order they were added. The master runs no
 * users. The command layer ({@code io.amoc.command}) names the down ones in every result.
 */
public final class Distribution implements Slaves {

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
        List<SlaveAddress> hosts = HostList.parse(config.find(ConfigKeys.HOSTS.name()).orElse(List.of()));
        Distribution distribution = new Distribution(ConfigKeys.HEARTBEAT_INTERVAL.get(config), Clock.systemUTC(),
                material, tlsDir);
        distribution.warning().ifPresent(LOG::warn);
        List<SlaveAddress> distinct = new java.util.ArrayList<>();
        hosts.stream().filter(h -> distinct.stream().noneMatch(h::sameSlaveAs)).forEach(distinct::add);
        if (distinct.size() < hosts.size()) {
            LOG.warn("hosts lists a slave twice (perhaps under two names of one address): {}", hosts);
        }
        try {
            distribution.directory.addAll(distinct.stream().map(distribution::handle).toList())
                    .forEach(view -> LOG.info("connected {}: {}{}", view.node(), view.liveness().label(),
                            view.problem().map(p -> " (" + p + ")").orElse("")));
        } catch (DuplicateNodeException impossible) {
            throw new IllegalStateException("a new directory holds no nodes", impossible);
        }
        return distribution;
    }

    /** Adds a slave at the end of the node order; it is up when this returns if it answered its first beat. */
    @Override
    public NodeView connect(String hostPort) throws BadSlaveAddressException, DuplicateNodeException {
        return connect(SlaveAddress.parse(hostPort));
    }

    /**
     * Takes a slave over from whichever master holds it (one that crashed, say), stopping that master's users
     * there, and adds it (or beats it at once, if it is already connected).
     *
     * @throws io.amoc.cluster.NodeException when the slave cannot be reached
     */
    @Override
    public TakeOver takeOver(String hostPort)
            throws BadSlaveAddressException, io.amoc.cluster.NodeException, UnknownNodeException {
        SlaveAddress address = SlaveAddress.parse(hostPort);
        RemoteNodeHandle known = handles().stream().filter(h -> h.name().equals(address.toString())).findFirst()
                .orElse(null);
        RemoteNodeHandle handle = known != null ? known : handle(address);
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

    /** A warning when this master's TLS material ends within two weeks. */
    @Override
    public Optional<String> warning() {
        return material.expiryWarning(clock.instant(), tlsDir);
    }

    /** A handle whose calls give up waiting once the directory sees the slave go silent. */
    private RemoteNodeHandle handle(SlaveAddress address) {
        String name = address.toString();
        return new RemoteNodeHandle(address, identity, () -> directory.wentSilent(name));
    }

    NodeView connect(SlaveAddress address) throws DuplicateNodeException {
        for (RemoteNodeHandle known : handles()) {
            if (!known.name().equals(address.toString()) && known.address().sameSlaveAs(address)) {
                throw new DuplicateNodeException(address.toString(), known.name());
            }
        }
        NodeView view = directory.add(handle(address));
        LOG.info("connected {}: {}{}", address, view.liveness().label(), view.problem().map(p -> " (" + p + ")").orElse(""));
        return view;
    }

    /**
     * Forgets a slave and releases it: it stops its users and is free for another master. Returns false when it
     * did not confirm in time (its users then stop after its silence timeout).
     */
    @Override
    public boolean disconnect(String hostPort) throws BadSlaveAddressException, UnknownNodeException {
        MonitoredNode removed = directory.remove(SlaveAddress.parse(hostPort).toString());
        return SlaveRelease.of(List.of(removed), RELEASE_WAIT).isEmpty();
    }

    /** The cluster over the slaves that are up: what dist.* calls. */
    @Override
    public Cluster cluster() {
        return cluster;
    }

    public MasterIdentity identity() {
        return identity;
    }

    /** Every slave with up/down, last seen and its last known status, in node order. */
    @Override
    public List<NodeView> nodes() {
        return directory.views();
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

    /** Parses the {@code hosts} value: a list of "host:port", or one such string (commas allowed). */
    static final class HostList {

        private HostList() {
        }

        static List<SlaveAddress> parse(Object value) throws BadSlaveAddressException {
            List<String> texts;
            try {
                texts = ConfigKeys.HOSTS.convert(value);
            } catch (ConfigValueException e) {
                throw new BadSlaveAddressException(String.valueOf(value));
            }
            List<SlaveAddress> addresses = new ArrayList<>();
            for (String text : texts) {
                addresses.add(SlaveAddress.parse(text));
            }
            return addresses;
        }
    }
}
