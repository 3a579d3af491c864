package io.amoc.rmi;

import io.amoc.compile.ScenarioBundle;
import io.amoc.engine.IdRange;
import io.amoc.engine.NodeState;
import io.amoc.engine.NodeStatus;
import io.amoc.engine.RemovalReport;
import io.amoc.metrics.MetricsSnapshot;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.util.HashMap;
import java.util.Map;

/**
 * A hostile "slave" for the master's filter test: it answers heartbeats like a slave, but its metrics carry an
 * object outside the protocol, whose readObject would leave the marker file given as the first argument. It holds
 * the cluster's TLS material (the second argument): a member gone bad, which the master's serial filter still stops.
 */
public final class RogueSlaveMain implements RemoteNode {

    private final Path marker;

    private RogueSlaveMain(Path marker) {
        this.marker = marker;
    }

    public static void main(String[] args) throws IOException, io.amoc.rmi.tls.TlsMaterialException {
        System.setProperty("java.rmi.server.hostname", "127.0.0.1");
        io.amoc.rmi.tls.TlsMaterial material = io.amoc.rmi.tls.TlsFiles.read(Path.of(args[1]));
        TlsServerSocketFactory sockets = new TlsServerSocketFactory(InetAddress.getLoopbackAddress(), material);
        TlsClientSocketFactory clientSockets = new TlsClientSocketFactory();
        Registry registry = LocateRegistry.createRegistry(0, clientSockets, sockets);
        RogueSlaveMain rogue = new RogueSlaveMain(Path.of(args[0]));
        registry.rebind(BINDING, UnicastRemoteObject.exportObject(rogue, 0, clientSockets, sockets));
        System.out.println("READY " + sockets.lastPort() + " " + ProcessHandle.current().pid());
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until the parent goes away
        }
        System.exit(0);
    }

    @Override
    public NodeStatus heartbeat(MasterIdentity master) {
        return new NodeStatus("rogue", NodeState.IDLE, null, null, null, 0, 0, 0, 0, 0);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public NodeReport report(boolean withMetrics) {
        Map counters = new HashMap();
        counters.put("payload", new RecordsItsDeserialization(marker));
        return new NodeReport(heartbeat(null), new MetricsSnapshot("rogue", 0, 0, counters, Map.of(), Map.of()));
    }

    @Override
    public void release(MasterIdentity master) {
    }

    @Override
    public String takeOver(MasterIdentity master) {
        return null;
    }

    @Override
    public void install(ScenarioBundle bundle) throws SlaveException {
        throw new SlaveException("rogue");
    }

    @Override
    public void start(String sha256, HashMap<String, Object> settings) throws SlaveException {
        throw new SlaveException("rogue");
    }

    @Override
    public void addUsers(IdRange ids) throws SlaveException {
        throw new SlaveException("rogue");
    }

    @Override
    public long[] highestLiveIds(int count) {
        return new long[0];
    }

    @Override
    public RemovalReport removeUsers(long[] ids, boolean force) throws SlaveException {
        throw new SlaveException("rogue");
    }

    @Override
    public void stop() {
    }

    @Override
    public void setConfig(String key, Object value) {
    }

    @Override
    public void drain() {
    }

    @Override
    public java.util.ArrayList<String> recentLogLines(int count) {
        return new java.util.ArrayList<>();
    }

    @Override
    public java.util.ArrayList<io.amoc.engine.FailureGroup> failures() {
        return new java.util.ArrayList<>();
    }

    @Override
    public io.amoc.engine.NodeRunInfo runInfo() throws SlaveException {
        throw new SlaveException("rogue");
    }
}
