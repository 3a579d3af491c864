package io.amoc.rmi;

import io.amoc.cluster.CatchUpOnJoin;
import io.amoc.cluster.Cluster;
import io.amoc.cluster.DuplicateNodeException;
import io.amoc.cluster.NodeDirectory;
import io.amoc.cluster.NodeView;
import io.amoc.cluster.Slaves;
import io.amoc.cluster.UnknownNodeException;
import io.amoc.config.Config;
import io.amoc.config.ConfigKeys;
import io.amoc.config.ConfigValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    private static final Logger LOG = LoggerFactory.getLogger(Distribution.class);

    private final MasterIdentity identity = MasterIdentity.ofThisProcess();
    private final NodeDirectory directory;
    private final Cluster cluster;
    private final ExecutorService beats = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService ticker;

    private Distribution(Duration heartbeat, Clock clock) {
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
     * Starts the master's side with the config's timeouts and heartbeat interval, and connects every slave in
     * {@code hosts}. A slave that does not answer yet is kept and shown down until it does.
     */
    public static Distribution start(Config config) throws BadSlaveAddressException {
        RmiTimeouts.install(RmiTimeouts.fromConfig(config));
        List<SlaveAddress> hosts = HostList.parse(config.find(ConfigKeys.HOSTS.name()).orElse(List.of()));
        Distribution distribution = new Distribution(ConfigKeys.HEARTBEAT_INTERVAL.get(config), Clock.systemUTC());
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
    @Override
    public NodeView connect(String hostPort) throws BadSlaveAddressException, DuplicateNodeException {
        return connect(SlaveAddress.parse(hostPort));
    }

    NodeView connect(SlaveAddress address) throws DuplicateNodeException {
        NodeView view = directory.add(new RemoteNodeHandle(address, identity));
        LOG.info("connected {}: {}{}", address, view.liveness().label(), view.problem().map(p -> " (" + p + ")").orElse(""));
        return view;
    }

    /** Forgets a slave: no more beats, no more work (its users keep running until its silence timeout stops them). */
    @Override
    public void disconnect(String hostPort) throws BadSlaveAddressException, UnknownNodeException {
        directory.remove(SlaveAddress.parse(hostPort).toString());
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

    /** Stops the heartbeats (slaves then stop their users after their silence timeout). */
    @Override
    public void close() {
        ticker.shutdownNow();
        beats.shutdownNow();
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
