package io.amoc.report;

import java.util.List;
import java.util.Map;

/**
 * What was run, where and with what: enough to run it again.
 *
 * @param scenario    the scenario's name
 * @param sha256      the SHA-256 of its bundle (sources and libraries)
 * @param startMillis when the run started (epoch ms)
 * @param endMillis   when it ended
 * @param config      every config value in effect on the master, with its source ("env", "runtime", "file",
 *                    "default")
 * @param nodes       the nodes that took part
 * @param amocVersion the master's amoc version
 */
public record RunManifest(String scenario, String sha256, long startMillis, long endMillis,
                          Map<String, ConfigValue> config, List<NodeManifest> nodes, String amocVersion) {

    public RunManifest {
        config = Map.copyOf(config);
        nodes = List.copyOf(nodes);
    }

    /** One config value and where it came from. */
    public record ConfigValue(String value, String source) {
    }

    /** One node: its name, its JDK and its amoc version. */
    public record NodeManifest(String node, String jdk, String amocVersion) {
    }
}
