package io.amoc.compile;

import java.io.Serializable;
import java.util.Map;

/**
 * A compiled scenario ready to run or to ship to a slave: the bytes of every class its sources define,
 * keyed by binary name, and the SHA-256 over them (hex) that names this version.
 *
 * @param scenarioName the simple name the operator uses ({@code MyScenario})
 * @param className    the binary name of the class implementing {@code Scenario}
 * @param classBytes   class bytes by binary name
 * @param sha256       hex SHA-256 over the classes in name order (name and bytes of each)
 */
public record ScenarioBundle(String scenarioName, String className, Map<String, byte[]> classBytes, String sha256)
        implements Serializable {
}
