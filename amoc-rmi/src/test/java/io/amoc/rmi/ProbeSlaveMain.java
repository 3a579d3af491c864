package io.amoc.rmi;

import io.amoc.engine.NodeController;
import io.amoc.rmi.tls.TlsFiles;
import io.amoc.rmi.tls.TlsMaterial;

import java.io.ObjectInputFilter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.rmi.registry.LocateRegistry;
import java.rmi.server.UnicastRemoteObject;
import java.time.Duration;

/**
 * A real slave whose registry and a second remote object ({@link Probe}, on a port of its own behind the same TLS
 * socket factory) deserialize {@link RecordsItsDeserialization}: so that a test can show that a member's calls reach
 * a readObject and that calls without the cluster's material never do. Argument: the TLS directory. Prints
 * {@code READY <registry port> <pid>} and runs until its standard input closes.
 */
public final class ProbeSlaveMain implements Probe {

    private static final String MARKER_CLASS = RecordsItsDeserialization.class.getName();
    /** Held for the JVM's life: RMI keeps an exported object only weakly, and a collected probe is "no such object". */
    private static final ProbeSlaveMain PROBE = new ProbeSlaveMain();

    private ProbeSlaveMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty(SerialFilters.REGISTRY_FILTER_PROPERTY, MARKER_CLASS + ";" + SerialFilters.registryLimits());
        Path tlsDir = Path.of(args[0]);
        SlaveServer server = SlaveServer.start(new SlaveOptions("127.0.0.1", 0, 0, true, Duration.ofSeconds(30), tlsDir),
                NodeController::new);
        TlsMaterial material = TlsFiles.read(tlsDir);
        ObjectInputFilter readsTheMarker = info -> info.serialClass() != null
                && info.serialClass().getName().equals(MARKER_CLASS) ? ObjectInputFilter.Status.ALLOWED
                : ObjectInputFilter.Status.UNDECIDED;
        Probe stub = (Probe) UnicastRemoteObject.exportObject(PROBE, 0, new TlsClientSocketFactory(),
                new TlsServerSocketFactory(InetAddress.getLoopbackAddress(), material), readsTheMarker);
        LocateRegistry.getRegistry("127.0.0.1", server.registryPort(), new TlsClientSocketFactory())
                .rebind(Probe.BINDING, stub);
        System.out.println("READY " + server.registryPort() + " " + ProcessHandle.current().pid());
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until the parent goes away
        }
        server.close();
        System.exit(0);
    }

    @Override
    public void take(Object anything) {
        // reading the argument was the point
    }
}
