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
 * object outside the protocol, whose readObject would leave the marker file given as the first argument.
 */
public final class RogueSlaveMain implements RemoteNode {

    private final Path marker;

    private RogueSlaveMain(Path marker) {
        this.marker = marker;
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.rmi.server.hostname", "127.0.0.1");
        BoundServerSocketFactory sockets = new BoundServerSocketFactory(InetAddress.getLoopbackAddress());
        Registry registry = LocateRegistry.createRegistry(0, null, sockets);
        RogueSlaveMain rogue = new RogueSlaveMain(Path.of(args[0]));
        registry.rebind(BINDING, UnicastRemoteObject.exportObject(rogue, 0));
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
}
