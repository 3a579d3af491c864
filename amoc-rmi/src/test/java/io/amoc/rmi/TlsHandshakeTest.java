package io.amoc.rmi;

import io.amoc.rmi.tls.CertificateAuthority;
import io.amoc.rmi.tls.TlsFiles;
import io.amoc.rmi.tls.TlsMaterial;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.rmi.RemoteException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real slave JVM behind mutual TLS, and clients that do not hold the cluster's material: plain RMI (the JDK's
 * {@code LocateRegistry} without TLS), TLS with no certificate, with another CA's certificate, and with an expired one.
 * Each fails on the registry port and on the object port, and none reaches a readObject; a member's same calls do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsHandshakeTest {

    private static final Duration VALIDITY = Duration.ofDays(30);

    @TempDir
    static Path dir;
    private CertificateAuthority ca;
    private SlaveProcess slave;
    private int registryPort;
    private RemoteNode node;
    private Probe probe;

    @BeforeAll
    void startSlaveWithItsOwnCluster() throws Exception {
        ca = CertificateAuthority.create(VALIDITY);
        TlsMaterial member = ca.issueMember(VALIDITY);
        Path tlsDir = dir.resolve("tls");
        TlsFiles.write(member, tlsDir, false);
        ClusterTls.install(member);
        RmiTimeouts.install(new RmiTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)));
        slave = SlaveProcess.start(dir.resolve("slave"), ProbeSlaveMain.class, tlsDir.toString());
        registryPort = Integer.parseInt(slave.address().substring(slave.address().indexOf(':') + 1));
        Registry registry = LocateRegistry.getRegistry("127.0.0.1", registryPort, new TlsClientSocketFactory());
        node = (RemoteNode) registry.lookup(RemoteNode.BINDING);
        probe = (Probe) registry.lookup(Probe.BINDING);
    }

    @AfterAll
    void stopSlave() throws Exception {
        slave.close();
    }

    @Test
    void aMembersCallsReachAReadObjectOnTheRegistryAndOnAnObjectPort() throws Exception {
        Path onRegistry = dir.resolve("member-registry");
        Path onObjectPort = dir.resolve("member-object-port");

        LocateRegistry.getRegistry("127.0.0.1", registryPort, new TlsClientSocketFactory())
                .rebind("member", new RecordsItsDeserialization(onRegistry));
        probe.take(new RecordsItsDeserialization(onObjectPort));

        assertTrue(Files.exists(onRegistry), "the registry did not read the member's argument");
        assertTrue(Files.exists(onObjectPort), "the probe did not read the member's argument");
    }

    @Test
    void aPlainRmiClientFailsOnTheRegistryPortBeforeAnyObjectIsRead() {
        Path marker = dir.resolve("plain-registry");
        Registry plain = assertDoesNotThrowRemote(() -> LocateRegistry.getRegistry("127.0.0.1", registryPort));

        assertThrows(RemoteException.class, plain::list);
        assertThrows(RemoteException.class, () -> plain.rebind("plain", new RecordsItsDeserialization(marker)));

        assertFalse(Files.exists(marker), "readObject ran for a plain client");
    }

    @Test
    void everyClientWithoutTheClustersMaterialFailsOnBothPortsBeforeAnyObjectIsRead() throws Exception {
        for (Map.Entry<String, ClientSockets> client : outsiders().entrySet()) {
            Path onRegistry = dir.resolve(client.getKey() + "-registry");
            Path onObjectPort = dir.resolve(client.getKey() + "-object-port");
            Registry registry = LocateRegistry.getRegistry("127.0.0.1", registryPort, client.getValue());

            assertThrows(RemoteException.class, () -> registry.rebind("x", new RecordsItsDeserialization(onRegistry)),
                    client.getKey() + " on the registry port");
            assertThrows(RemoteException.class, () -> ClientSockets.through(probe, client.getValue())
                    .take(new RecordsItsDeserialization(onObjectPort)), client.getKey() + " on the probe's port");
            assertThrows(RemoteException.class, () -> ClientSockets.through(node, client.getValue())
                    .heartbeat(MasterIdentity.ofThisProcess()), client.getKey() + " on the slave's object port");

            assertFalse(Files.exists(onRegistry), "readObject ran on the registry for " + client.getKey());
            assertFalse(Files.exists(onObjectPort), "readObject ran on the object port for " + client.getKey());
        }
        assertTrue(slave.log().contains("TLS handshake failed"), "the slave logs the refused handshakes: " + slave.log());
    }

    @Test
    void aPeerThatNeverStartsItsHandshakeIsCutOffByTheSlave() throws Exception {
        // Without the slave's deadline this read would end in a SocketTimeoutException, failing the test.
        try (java.net.Socket silent = new java.net.Socket("127.0.0.1", registryPort)) {
            silent.setSoTimeout(Math.toIntExact(TlsServerSocketFactory.HANDSHAKE_DEADLINE.multipliedBy(2).toMillis()));
            try {
                silent.getInputStream().readAllBytes(); // at most a TLS alert, then the end of the stream
            } catch (java.net.SocketException reset) {
                // closed just as well
            }
        }
    }

    @Test
    void aSlaveWithoutMaterialRefusesToStartAndSaysHowToMakeIt() {
        Path empty = dir.resolve("no-tls");

        IllegalStateException exited = assertThrows(IllegalStateException.class, () -> SlaveProcess.start(
                dir.resolve("slave-without-material"), TestSlaveMain.class, "30000", empty.toString()));

        assertTrue(exited.getMessage().contains("no TLS material in " + empty), exited.getMessage());
        assertTrue(exited.getMessage().contains("bin/amoc tls init"), exited.getMessage());
        assertTrue(exited.getMessage().contains("make deploy"), exited.getMessage());
    }

    /** Plain TCP, and TLS with no certificate, another CA's certificate and an expired one of the right CA. */
    private Map<String, ClientSockets> outsiders() throws Exception {
        Map<String, ClientSockets> clients = new LinkedHashMap<>();
        clients.put("plain", ClientSockets.plain());
        clients.put("no-certificate", ClientSockets.tls(TlsMaterial.trustOnly(ca.certificate()), "no certificate"));
        TlsMaterial foreign = CertificateAuthority.create(VALIDITY).issueMember(VALIDITY);
        clients.put("another-ca", ClientSockets.tls(TlsMaterial.of(ca.certificate(), foreign.key().orElseThrow(),
                foreign.chain()), "another CA's certificate"));
        Instant now = Instant.now();
        clients.put("expired", ClientSockets.tls(ca.issueMember(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1))),
                "an expired certificate"));
        return clients;
    }

    private static Registry assertDoesNotThrowRemote(RemoteSupplier supplier) {
        try {
            return supplier.get();
        } catch (RemoteException e) {
            throw new AssertionError("getRegistry only builds a stub; it should not fail", e);
        }
    }

    @FunctionalInterface
    private interface RemoteSupplier {
        Registry get() throws RemoteException;
    }
}
