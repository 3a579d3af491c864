package io.amoc.rmi;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlaveAddressesTest {

    @Test
    void aLoopbackBindIsRefusedUnlessAllowed() {
        SlaveStartException refused = assertThrows(SlaveStartException.class,
                () -> SlaveAddresses.checkBindable("127.0.0.1", false));
        assertTrue(refused.getMessage().contains("--allow-loopback"), refused.getMessage());
        assertDoesNotThrow(() -> SlaveAddresses.checkBindable("127.0.0.1", true));
    }

    @Test
    void theWildcardAddressIsRefusedBecauseAMasterCannotReachIt() {
        assertThrows(SlaveStartException.class, () -> SlaveAddresses.checkBindable("0.0.0.0", true));
    }

    @Test
    void slaveAddressesParseHostAndPortAndExplainMistakes() throws Exception {
        assertEquals(new SlaveAddress("10.0.0.5", 1099), SlaveAddress.parse("10.0.0.5:1099"));
        assertEquals(new SlaveAddress("slave-1", SlaveOptions.DEFAULT_PORT), SlaveAddress.parse("slave-1"));
        BadSlaveAddressException bad = assertThrows(BadSlaveAddressException.class, () -> SlaveAddress.parse("host:port"));
        assertTrue(bad.getMessage().contains("host:port"));
        assertThrows(BadSlaveAddressException.class, () -> SlaveAddress.parse("host:70000"));
        assertThrows(BadSlaveAddressException.class, () -> SlaveAddress.parse(""));
    }

    @Test
    void hostsAcceptAListLiteralOrACommaSeparatedString() throws Exception {
        assertEquals(2, Distribution.HostList.parse(java.util.List.of("a:1", "b:2")).size());
        assertEquals(new SlaveAddress("b", 2), Distribution.HostList.parse("a:1, b:2").get(1));
        assertEquals(0, Distribution.HostList.parse(java.util.List.of()).size());
        Object bareWords = io.amoc.config.Literal.parseOrString("[slave-1:1099, slave-2:1099]");
        assertEquals(new SlaveAddress("slave-2", 1099), Distribution.HostList.parse(bareWords).get(1));
        Object quoted = io.amoc.config.Literal.parseOrString("[\"10.0.0.5:1099\", \"10.0.0.6:1099\"]");
        assertEquals(new SlaveAddress("10.0.0.6", 1099), Distribution.HostList.parse(quoted).get(1));
    }

    @Test
    void twoNamesOfOneAddressAndPortAreOneSlave() {
        assertTrue(new SlaveAddress("localhost", 1099).sameSlaveAs(new SlaveAddress("127.0.0.1", 1099)));
        assertTrue(new SlaveAddress("SLAVE-1", 1099).sameSlaveAs(new SlaveAddress("slave-1", 1099)));
        assertFalse(new SlaveAddress("127.0.0.1", 1099).sameSlaveAs(new SlaveAddress("127.0.0.1", 1100)));
        assertFalse(new SlaveAddress("127.0.0.1", 1099).sameSlaveAs(new SlaveAddress("127.0.0.2", 1099)));
    }

    @Test
    void aSlaveConnectedAgainUnderAnotherNameIsRefusedInsteadOfDrivenTwice() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Distribution master = Distribution.start(new io.amoc.config.Config(java.util.Map.of(), java.util.Map.of(
                "tls_dir", "\"" + SlaveProcess.tlsDir() + "\"", "rmi_connect_timeout", "1")));
        try {
            master.connect("127.0.0.1:" + port);

            io.amoc.cluster.DuplicateNodeException twice = assertThrows(io.amoc.cluster.DuplicateNodeException.class,
                    () -> master.connect("localhost:" + port));

            assertEquals("localhost:" + port + " is 127.0.0.1:" + port + ", which is already connected: see 'nodes'",
                    twice.getMessage());
            assertEquals(1, master.nodes().size());
        } finally {
            master.close();
        }
    }
}
