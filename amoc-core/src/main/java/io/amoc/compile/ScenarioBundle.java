package io.amoc.compile;

import java.io.Serializable;
import java.util.Map;

/**
 * A compiled scenario ready to run or to ship to a slave: the bytes of every class its sources define, keyed by
 * binary name, the jars of its {@code lib/} folders, and the SHA-256 over both (hex) that names this version.
 *
 * @param scenarioName the simple name the operator uses ({@code MyScenario})
 * @param className    the binary name of the class implementing {@code Scenario}
 * @param classBytes   class bytes by binary name
 * @param sha256       hex SHA-256 over the classes in name order (name and bytes of each), then the jars
 *                     ({@link BundleDigest})
 * @param libraries    the bytes of the scenario's library jars by file name ({@code guava.jar}); empty for none
 */
public record ScenarioBundle(String scenarioName, String className, Map<String, byte[]> classBytes, String sha256,
                             Map<String, byte[]> libraries) implements Serializable {

    /** The most bytes a bundle may hold, classes and jars together (the wire to the slaves accepts this much). */
    public static final int MAX_BYTES = 32 * 1024 * 1024;

    /** A bundle without library jars. */
    public ScenarioBundle(String scenarioName, String className, Map<String, byte[]> classBytes, String sha256) {
        this(scenarioName, className, classBytes, sha256, Map.of());
    }

    /** The library jars, never null (a bundle from an older master has none). */
    @Override
    public Map<String, byte[]> libraries() {
        return libraries == null ? Map.of() : libraries;
    }
}
