package io.amoc.rmi;

import io.amoc.cluster.MonitoredNode;
import io.amoc.cluster.NodeException;
import io.amoc.cluster.NodeUnreachableException;
import io.amoc.compile.ScenarioBundle;
import io.amoc.engine.FailureGroup;
import io.amoc.engine.IdRange;
import io.amoc.engine.NodeStatus;
import io.amoc.engine.RemovalReport;
import io.amoc.metrics.MetricsSnapshot;

import java.io.InvalidClassException;
import java.rmi.NotBoundException;
import java.rmi.RemoteException;
import java.rmi.registry.LocateRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The master's handle on one slave. Every call has the transport's timeouts; a transport failure becomes a
 * {@link NodeUnreachableException} (and the next call looks the slave up again), a slave's refusal a
 * {@link NodeException} with the slave's one-line reason.
 */
public final class RemoteNodeHandle implements MonitoredNode {

    private final SlaveAddress address;
    private final MasterIdentity master;
    private final TlsClientSocketFactory sockets = new TlsClientSocketFactory();
    private volatile RemoteNode stub;

    public RemoteNodeHandle(SlaveAddress address, MasterIdentity master) {
        this.address = address;
        this.master = master;
        SerialFilters.installMasterFilter();
    }

    @Override
    public String name() {
        return address.toString();
    }

    @Override
    public NodeStatus heartbeat() throws NodeException {
        return named(call(node -> node.heartbeat(master)));
    }

    /** Tells the slave this master leaves it: the slave stops its users and may follow another master at once. */
    public void release() throws NodeException {
        call(node -> {
            node.release(master);
            return null;
        });
    }

    /** Makes this master the slave's master now; the master it took the slave from (whose users stopped), if any. */
    public Optional<String> takeOver() throws NodeException {
        return Optional.ofNullable(call(node -> node.takeOver(master)));
    }

    @Override
    public void start(ScenarioBundle bundle, Map<String, Object> settings) throws NodeException {
        ScenarioBundle wire = Wire.bundle(bundle);
        call(node -> {
            node.install(wire);
            node.start(wire.sha256(), Wire.settings(settings));
            return null;
        });
    }

    @Override
    public void addUsers(IdRange ids) throws NodeException {
        call(node -> {
            node.addUsers(ids);
            return null;
        });
    }

    @Override
    public long[] highestLiveIds(int count) throws NodeException {
        return call(node -> node.highestLiveIds(count));
    }

    @Override
    public RemovalReport removeUsers(long[] ids, boolean force) throws NodeException {
        return call(node -> node.removeUsers(ids, force));
    }

    @Override
    public void stop() throws NodeException {
        call(node -> {
            node.stop();
            return null;
        });
    }

    @Override
    public NodeStatus status() throws NodeException {
        return named(call(node -> node.report(false).status()));
    }

    @Override
    public MetricsSnapshot metrics() throws NodeException {
        return call(node -> node.report(true).metrics());
    }

    @Override
    public void setConfig(String key, Object value) throws NodeException {
        call(node -> {
            node.setConfig(key, Wire.value(value));
            return null;
        });
    }

    @Override
    public List<String> recentLogLines(int count) throws NodeException {
        return List.copyOf(call(node -> node.recentLogLines(count)));
    }

    @Override
    public List<FailureGroup> failures() throws NodeException {
        return List.copyOf(call(RemoteNode::failures));
    }

    /** The status under the name the master knows the slave by (it may call itself by another address). */
    private NodeStatus named(NodeStatus s) {
        return new NodeStatus(name(), s.state(), s.failureReason(), s.scenario(), s.sha256(), s.usersAlive(),
                s.highestId(), s.failures(), s.spawned(), s.pending());
    }

    /** Sends a value of any type the caller likes: for tests of the slave's serial filter. */
    void setConfigUnchecked(String key, Object value) throws NodeException {
        call(node -> {
            node.setConfig(key, value);
            return null;
        });
    }

    private <T> T call(RemoteCall<T> body) throws NodeException {
        try (var answers = SerialFilters.readingSlaveAnswers()) {
            return body.on(stub());
        } catch (SlaveException refused) {
            throw new NodeException(name(), refused.getMessage(), refused);
        } catch (RemoteException | NotBoundException | RuntimeException transportFailure) {
            Optional<InvalidClassException> filtered = filterRejection(transportFailure);
            if (filtered.isPresent()) {
                throw new NodeException(name(), (isFromSlave(transportFailure)
                        ? "the slave refused to read the call (" : "the slave's answer was refused (")
                        + filtered.get().getMessage() + "): only amoc's protocol types may travel",
                        SlaveUnreachable.of(transportFailure));
            }
            stub = null;
            throw new NodeUnreachableException(name(), SlaveUnreachable.of(transportFailure));
        }
    }

    /** RMI wraps what failed on the slave's side in a ServerException. */
    private static boolean isFromSlave(Throwable failure) {
        return failure instanceof java.rmi.ServerException;
    }

    private static Optional<InvalidClassException> filterRejection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidClassException rejected) {
                return Optional.of(rejected);
            }
        }
        return Optional.empty();
    }

    private RemoteNode stub() throws RemoteException, NotBoundException {
        RemoteNode current = stub;
        if (current == null) {
            current = (RemoteNode) LocateRegistry.getRegistry(address.host(), address.port(), sockets)
                    .lookup(RemoteNode.BINDING);
            stub = current;
        }
        return current;
    }

    @FunctionalInterface
    private interface RemoteCall<T> {
        T on(RemoteNode node) throws RemoteException, SlaveException;
    }
}
