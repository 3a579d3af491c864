package io.amoc.rmi;

import io.amoc.cluster.MonitoredNode;
import io.amoc.cluster.NodeException;
import io.amoc.cluster.NodeUnreachableException;
import io.amoc.compile.ScenarioBundle;
import io.amoc.engine.FailureGroup;
import io.amoc.engine.IdRange;
import io.amoc.engine.NodeRunInfo;
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
import java.util.function.BooleanSupplier;

/**
 * The master's handle on one slave. Every call has a deadline ({@link BoundedCall}): a short one
 * ({@code rmi_call_deadline}) for the calls that only hand over work, the long one ({@code rmi_read_timeout}) for
 * those that wait for the scenario (start with its init, stop with its terminate, a forced remove with its grace
 * period); either ends early once the slave stops answering heartbeats. A transport failure or a missed deadline
 * becomes a {@link NodeUnreachableException} (and the next call looks the slave up again), a slave's refusal a
 * {@link NodeException} with the slave's one-line reason. {@link #status()} never calls the slave: it is the status
 * the last heartbeat brought, or the one fetched right after a change of this master, whichever was asked for later.
 */
public final class RemoteNodeHandle implements MonitoredNode {

    private final SlaveAddress address;
    private final MasterIdentity master;
    private final BooleanSupplier wentSilent;
    private final TlsClientSocketFactory sockets = new TlsClientSocketFactory();
    private volatile RemoteNode stub;
    private volatile Observed latest;

    /** A status and when the call that brought it was sent ({@link System#nanoTime()}). */
    private record Observed(NodeStatus status, long askedAtNanos) {
    }

    /** A handle whose calls wait their full deadline (nothing beats the slave, e.g. a single probe). */
    public RemoteNodeHandle(SlaveAddress address, MasterIdentity master) {
        this(address, master, () -> false);
    }

    /** @param wentSilent true once the slave has stopped answering heartbeats: a waiting call is then abandoned */
    public RemoteNodeHandle(SlaveAddress address, MasterIdentity master, BooleanSupplier wentSilent) {
        this.address = address;
        this.master = master;
        this.wentSilent = wentSilent;
        SerialFilters.installMasterFilter();
    }

    @Override
    public String name() {
        return address.toString();
    }

    /** Where the slave's registry listens, as connected. */
    public SlaveAddress address() {
        return address;
    }

    @Override
    public NodeStatus heartbeat() throws NodeException {
        long askedAt = System.nanoTime();
        return observed(call(Span.BEAT, node -> node.heartbeat(master)), askedAt);
    }

    /** Tells the slave this master leaves it: the slave stops its users and may follow another master at once. */
    public void release() throws NodeException {
        call(Span.SHORT, node -> {
            node.release(master);
            return null;
        });
    }

    /** Makes this master the slave's master now; the master it took the slave from (whose users stopped), if any. */
    public Optional<String> takeOver() throws NodeException {
        return Optional.ofNullable(call(Span.SHORT, node -> node.takeOver(master)));
    }

    @Override
    public void start(ScenarioBundle bundle, Map<String, Object> settings) throws NodeException {
        ScenarioBundle wire = Wire.bundle(bundle);
        changing(Span.LONG, node -> {
            node.install(wire);
            node.start(wire.sha256(), Wire.settings(settings));
            return null;
        });
    }

    @Override
    public void addUsers(IdRange ids) throws NodeException {
        changing(Span.SHORT, node -> {
            node.addUsers(ids);
            return null;
        });
    }

    @Override
    public long[] highestLiveIds(int count) throws NodeException {
        return call(Span.SHORT, node -> node.highestLiveIds(count));
    }

    @Override
    public RemovalReport removeUsers(long[] ids, boolean force) throws NodeException {
        return changing(force ? Span.LONG : Span.SHORT, node -> node.removeUsers(ids, force));
    }

    @Override
    public void drain() throws NodeException {
        call(Span.SHORT, node -> {
            node.drain();
            return null;
        });
    }

    @Override
    public void stop() throws NodeException {
        changing(Span.LONG, node -> {
            node.stop();
            return null;
        });
    }

    /**
     * The slave's status as last seen, without calling it: from its last heartbeat, or from right after this master's
     * last change on it.
     *
     * @throws NodeUnreachableException when it never answered
     */
    @Override
    public NodeStatus status() throws NodeException {
        Observed seen = latest;
        if (seen == null) {
            throw new NodeUnreachableException(name(), new SlaveUnreachable("it has not answered a heartbeat yet", null));
        }
        return seen.status();
    }

    @Override
    public MetricsSnapshot metrics() throws NodeException {
        return call(Span.SHORT, node -> node.report(true).metrics());
    }

    @Override
    public void setConfig(String key, Object value) throws NodeException {
        call(Span.SHORT, node -> {
            node.setConfig(key, Wire.value(value));
            return null;
        });
    }

    @Override
    public List<String> recentLogLines(int count) throws NodeException {
        return List.copyOf(call(Span.SHORT, node -> node.recentLogLines(count)));
    }

    @Override
    public List<FailureGroup> failures() throws NodeException {
        return List.copyOf(call(Span.SHORT, RemoteNode::failures));
    }

    @Override
    public NodeRunInfo runInfo() throws NodeException {
        return call(Span.SHORT, RemoteNode::runInfo);
    }

    /** A call that changes the slave's users, then fetches its status in the same deadline, for {@link #status()}. */
    private <T> T changing(Span span, RemoteCall<T> change) throws NodeException {
        long askedAt = System.nanoTime();
        Changed<T> changed = call(span, node -> {
            T answer = change.on(node);
            return new Changed<>(answer, node.report(false).status());
        });
        observed(changed.status(), askedAt);
        return changed.answer();
    }

    private record Changed<T>(T answer, NodeStatus status) {
    }

    /** Keeps {@code status} unless a later-asked one is kept already; returns it under the master's name for it. */
    private NodeStatus observed(NodeStatus status, long askedAtNanos) {
        NodeStatus named = status.named(name());
        synchronized (this) {
            Observed seen = latest;
            if (seen == null || askedAtNanos - seen.askedAtNanos() >= 0) {
                latest = new Observed(named, askedAtNanos);
            }
        }
        return named;
    }

    /** Which deadline a call has. */
    private enum Span {
        /** A heartbeat: the short deadline, never cut short by missing heartbeats (it is the heartbeat). */
        BEAT,
        /** Hands work over and returns: {@code rmi_call_deadline}. */
        SHORT,
        /** Waits for the scenario's code (init, terminate) or a grace period: {@code rmi_read_timeout}. */
        LONG;

        BoundedCall.Deadline deadline() {
            RmiTimeouts timeouts = RmiTimeouts.current();
            return this == LONG ? new BoundedCall.Deadline(timeouts.read(), "rmi_read_timeout")
                    : new BoundedCall.Deadline(timeouts.call(), "rmi_call_deadline");
        }
    }

    /** Sends a value of any type the caller likes: for tests of the slave's serial filter. */
    void setConfigUnchecked(String key, Object value) throws NodeException {
        call(Span.SHORT, node -> {
            node.setConfig(key, value);
            return null;
        });
    }

    private <T> T call(Span span, RemoteCall<T> body) throws NodeException {
        BooleanSupplier abandonWhen = span == Span.BEAT ? () -> false : wentSilent;
        return BoundedCall.run(name(), span.deadline(), abandonWhen, () -> callNow(body));
    }

    private <T> T callNow(RemoteCall<T> body) throws NodeException {
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
