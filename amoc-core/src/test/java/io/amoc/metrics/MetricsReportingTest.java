package io.amoc.metrics;

import io.amoc.config.Config;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsReportingTest {

    @Test
    void settingGraphiteHostAtRunTimeStartsReportingAndUnsettingItStops() throws Exception {
        Config config = new Config(Map.of(), Map.of());
        NodeMetrics metrics = new NodeMetrics();
        metrics.users(4);
        try (ServerSocket graphite = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             MetricsReporting reporting = MetricsReporting.startFromConfig(metrics, config)) {
            assertFalse(reporting.reporting(), "graphite_host is not set");

            config.set("graphite_port", (long) graphite.getLocalPort());
            config.set("graphite_prefix", "runtime");
            config.set("graphite_interval", 0.2);
            config.set("graphite_host", "127.0.0.1");
            reporting.refresh();

            assertTrue(reporting.reporting());
            graphite.setSoTimeout(10_000);
            try (Socket report = graphite.accept();
                 BufferedReader lines = new BufferedReader(new InputStreamReader(report.getInputStream(),
                         StandardCharsets.UTF_8))) {
                assertTrue(lines.readLine().startsWith("runtime.amoc.users.size 4 "));
            }

            config.unset("graphite_host");
            reporting.refresh();
            assertFalse(reporting.reporting());
        }
    }

    @Test
    void aBadPortLeavesReportingOffInsteadOfStoppingTheNode() {
        Config config = new Config(Map.of(), Map.of("graphite_host", "localhost", "graphite_port", "0"));
        try (MetricsReporting reporting = MetricsReporting.startFromConfig(new NodeMetrics(), config)) {
            assertFalse(reporting.reporting());
            assertEquals(java.util.Optional.empty(), reporting.target());
        }
    }

    @Test
    void theEnvironmentNamesGraphiteAsAmocsDockerImagesDo() {
        Config config = new Config(Map.of("AMOC_GRAPHITE_HOST", "graphite.example", "AMOC_GRAPHITE_PORT", "2103"),
                Map.of());
        GraphiteTarget target = GraphiteTarget.fromConfig(config).orElseThrow();
        assertEquals("graphite.example", target.host());
        assertEquals(2103, target.port());
        assertEquals(10_000, target.interval().toMillis());
        assertFalse(target.prefix().contains("."), target.prefix());
    }

    @Test
    void slavesGivenOnePrefixByTheirMasterReportUnderDistinctOnes() {
        Config pushed = new Config(Map.of(), Map.of("graphite_host", "graphite.example"));
        pushed.set("graphite_prefix", "loadtest");

        String first = GraphiteTarget.fromConfig(pushed, java.util.Optional.of("10.0.0.5:1099")).orElseThrow().prefix();
        String second = GraphiteTarget.fromConfig(pushed, java.util.Optional.of("10.0.0.6:1099")).orElseThrow().prefix();
        String sameHost = GraphiteTarget.fromConfig(pushed, java.util.Optional.of("10.0.0.5:1199")).orElseThrow().prefix();

        assertEquals("loadtest.10_0_0_5_1099", first);
        assertEquals("loadtest.10_0_0_6_1099", second);
        assertEquals("loadtest.10_0_0_5_1199", sameHost);
        assertEquals("loadtest", GraphiteTarget.fromConfig(pushed).orElseThrow().prefix(), "the master keeps its own");
    }

    @Test
    void aSlaveWithoutAPrefixReportsUnderItsHostAndNodeName() {
        Config config = new Config(Map.of(), Map.of("graphite_host", "graphite.example"));

        String prefix = GraphiteTarget.fromConfig(config, java.util.Optional.of("127.0.0.1:20001")).orElseThrow().prefix();

        assertEquals(GraphiteTarget.defaultPrefix() + ".127_0_0_1_20001", prefix);
    }
}
