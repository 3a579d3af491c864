package io.amoc.command;

import io.amoc.cluster.BadNodeAddressException;
import io.amoc.cluster.Cluster;
import io.amoc.cluster.DuplicateNodeException;
import io.amoc.cluster.InMemoryNode;
import io.amoc.cluster.Liveness;
import io.amoc.cluster.NodeHandle;
import io.amoc.cluster.NodeView;
import io.amoc.cluster.Slaves;
import io.amoc.cluster.TakeOver;
import io.amoc.cluster.UnknownNodeException;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Slaves in memory: in-memory nodes, up unless made down, connected by name; the cluster calls the ones that are up. */
final class InMemorySlaves implements Slaves {

    final List<InMemoryNode> members = new CopyOnWriteArrayList<>();
    private final Cluster cluster = new Cluster(() -> members.stream().filter(n -> !n.isDown())
            .map(n -> (NodeHandle) n).toList());
    volatile boolean closed;

    InMemorySlaves(InMemoryNode... nodes) {
        members.addAll(List.of(nodes));
    }

    @Override
    public Cluster cluster() {
        return cluster;
    }

    @Override
    public List<NodeView> nodes() {
        return members.stream().map(n -> new NodeView(n.name(), n.isDown() ? Liveness.DOWN : Liveness.UP,
                Optional.empty(), Optional.empty(), n.isDown() ? Optional.of("connection refused") : Optional.empty()))
                .toList();
    }

    @Override
    public NodeView connect(String address) throws BadNodeAddressException, DuplicateNodeException {
        if (!address.matches("[a-z0-9.]+:[0-9]+")) {
            throw new BadNodeAddressException("'" + address + "' is not a slave address: write \"host:port\"");
        }
        if (members.stream().anyMatch(n -> n.name().equals(address))) {
            throw new DuplicateNodeException(address);
        }
        members.add(InMemoryNode.up(address));
        return nodes().getLast();
    }

    @Override
    public TakeOver takeOver(String address) throws BadNodeAddressException {
        if (members.stream().noneMatch(n -> n.name().equals(address))) {
            try {
                connect(address);
            } catch (DuplicateNodeException raced) {
                // connected meanwhile: a member either way
            }
        }
        NodeView view = nodes().stream().filter(v -> v.node().equals(address)).findFirst().orElseThrow();
        return new TakeOver(view, Optional.of("an earlier master"));
    }

    @Override
    public boolean disconnect(String address) throws UnknownNodeException {
        if (!members.removeIf(n -> n.name().equals(address))) {
            throw new UnknownNodeException(address, members.stream().map(InMemoryNode::name).toList());
        }
        return true;
    }

    @Override
    public void close() {
        closed = true;
    }
}
