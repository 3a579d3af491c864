package io.amoc.shell;

import io.amoc.cluster.BadNodeAddressException;
import io.amoc.cluster.Cluster;
import io.amoc.cluster.DuplicateNodeException;
import io.amoc.cluster.Liveness;
import io.amoc.cluster.NodeHandle;
import io.amoc.cluster.NodeView;
import io.amoc.cluster.Slaves;
import io.amoc.cluster.TakeOver;
import io.amoc.cluster.UnknownNodeException;
import io.amoc.command.Master;
import io.amoc.command.MasterSetup;
import io.amoc.compile.ScenarioCatalog;
import io.amoc.config.Config;
import io.amoc.shell.language.Command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Command layers for the shell's tests: a local node of the test's choosing, and slaves at the NodeHandle seam. */
public final class TestMasters {

    private TestMasters() {
    }

    /** A master whose local node is {@code local}, scenarios from {@code scenarioDirs}, and no slaves. */
    public static Master local(Path dir, Config config, List<Path> scenarioDirs, NodeHandle local) {
        return with(dir, config, scenarioDirs, local, List.of());
    }

    /** A master whose slaves are {@code slaves}, every one of them up. */
    public static Master with(Path dir, Config config, List<Path> scenarioDirs, NodeHandle local,
                              List<NodeHandle> slaves) {
        Path uploads = dir.resolve("uploads");
        List<Path> path = new ArrayList<>(List.of(uploads));
        path.addAll(scenarioDirs);
        return Master.start(new MasterSetup(config, new ScenarioCatalog(path), uploads,
                new Cluster(() -> List.of(local)), c -> new FixedSlaves(slaves)));
    }

    /** Slaves that are always up: the given nodes, in order; connecting is refused. */
    private static final class FixedSlaves implements Slaves {

        private final List<NodeHandle> members;
        private final Cluster cluster;

        FixedSlaves(List<NodeHandle> members) {
            this.members = List.copyOf(members);
            this.cluster = new Cluster(() -> this.members);
        }

        @Override
        public Cluster cluster() {
            return cluster;
        }

        @Override
        public List<NodeView> nodes() {
            return members.stream().map(n -> new NodeView(n.name(), Liveness.UP, Optional.empty(), Optional.empty(),
                    Optional.empty())).toList();
        }

        @Override
        public NodeView connect(String address) throws BadNodeAddressException, DuplicateNodeException {
            throw new BadNodeAddressException("these test slaves are fixed");
        }

        @Override
        public TakeOver takeOver(String address) throws BadNodeAddressException {
            throw new BadNodeAddressException("these test slaves are fixed");
        }

        @Override
        public boolean disconnect(String address) throws UnknownNodeException {
            throw new UnknownNodeException(address, List.of());
        }

        @Override
        public void close() {
        }
    }
}
