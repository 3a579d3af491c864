package io.amoc.command;

import io.amoc.cluster.BadNodeAddressException;
import io.amoc.cluster.Cluster;
import io.amoc.cluster.ClusterAccessException;
import io.amoc.cluster.ClusterListener;
import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.DownNodes;
import io.amoc.cluster.DuplicateNodeException;
import io.amoc.cluster.NodeException;
import io.amoc.cluster.NodeView;
import io.amoc.cluster.RunOptions;
import io.amoc.cluster.Slaves;
import io.amoc.cluster.TakeOver;
import io.amoc.cluster.UnknownNodeException;
import io.amoc.config.Config;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The master's slaves: started at the first operation that needs them (connecting config {@code hosts}), then
 * connected and disconnected at run time. Every distributed answer goes through {@link #complete}, which names the
 * slaves that are down. Thread-safe: starting is done once under this object's lock; the rest is the
 * {@link Slaves}' own.
 */
public final class SlaveDirectory implements RunNodes {

    private final Config config;
    private final Slaves.Factory factory;
    private final ClusterListener listener;
    private final Clock clock;
    private Slaves slaves;

    SlaveDirectory(Config config, Slaves.Factory factory, ClusterListener listener, Clock clock) {
        this.config = config;
        this.factory = factory;
        this.listener = listener;
        this.clock = clock;
    }

    /** Every slave, up or down, with when it was last seen and its last status, in node order. */
    public List<NodeView> nodes() throws CommandException {
        return started().nodes();
    }

    /** Adds a slave ({@code host:port}) at the end of the node order; the view says whether it answered. */
    public NodeView connect(String address) throws CommandException, BadNodeAddressException, DuplicateNodeException {
        return started().connect(address);
    }

    /**
     * Takes a slave over from the master that holds it (stopping that master's users there) and adds it if need be.
     *
     * @throws NodeException when the slave cannot be reached
     */
    public TakeOver takeOver(String address)
            throws CommandException, BadNodeAddressException, NodeException, UnknownNodeException {
        return started().takeOver(address);
    }

    /** Stops using a slave and releases it; false when it did not confirm (its users stop after its silence timeout). */
    public boolean disconnect(String address) throws CommandException, BadNodeAddressException, UnknownNodeException {
        return started().disconnect(address);
    }

    /** What the operator should know about the slave side (e.g. TLS material that expires soon), once it started. */
    public Optional<String> warning() {
        Slaves current = current();
        return current == null ? Optional.empty() : current.warning();
    }

    @Override
    public Cluster cluster() throws CommandException {
        Slaves current = started();
        if (current.nodes().isEmpty()) {
            throw new NoSlavesException();
        }
        return current.cluster();
    }

    @Override
    public List<String> names() throws CommandException {
        return nodes().stream().map(NodeView::node).toList();
    }

    @Override
    public synchronized Optional<Cluster> ifStarted() {
        return Optional.ofNullable(slaves).map(Slaves::cluster);
    }

    @Override
    public <T> ClusterResult<T> complete(ClusterResult<T> result, RunOptions options) {
        Slaves current = current();
        return current == null ? result : DownNodes.added(result, current.nodes(), options, clock.instant());
    }

    /** Sets a value on every slave that is up (nothing before the slaves started); the ones that failed, by name. */
    List<String> push(String key, Object value) {
        Slaves current = current();
        if (current == null) {
            return List.of();
        }
        ClusterResult<Void> pushed = current.cluster().setConfig(key, value);
        return pushed.failedNodes().stream()
                .filter(node -> current.nodes().stream().anyMatch(v -> v.node().equals(node) && v.up())).toList();
    }

    /** Stops a run on the slaves that answer, then stops watching them. */
    synchronized void close() {
        if (slaves != null) {
            if (slaves.cluster().running().isPresent()) {
                slaves.cluster().stop();
            }
            slaves.close();
        }
    }

    private synchronized Slaves current() {
        return slaves;
    }

    private synchronized Slaves started() throws CommandException {
        if (slaves == null) {
            try {
                slaves = factory.start(config);
            } catch (BadNodeAddressException e) {
                throw BadRequestException.about("hosts", "config hosts: " + e.getMessage());
            } catch (ClusterAccessException e) {
                throw new NoSlavesException(e.getMessage());
            }
            slaves.cluster().addListener(listener);
        }
        return slaves;
    }
}
