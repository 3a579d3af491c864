package io.amoc.engine;

import io.amoc.health.OverloadSpell;

import java.io.Serializable;
import java.util.List;

/**
 * What a node tells of itself and of its current (or last) run, for the run's verdict and report.
 *
 * @param jdk         the Java it runs on, e.g. {@code 25+36-LTS (Eclipse Adoptium)}
 * @param amocVersion its amoc version ({@code dev} when it runs from classes rather than a release's jars)
 * @param overloaded  the spells during the run in which its load generator was overloaded, oldest first
 */
public record NodeRunInfo(String jdk, String amocVersion, List<OverloadSpell> overloaded) implements Serializable {

    public NodeRunInfo {
        overloaded = List.copyOf(overloaded);
    }

    /** This JVM's Java and amoc version, with the given spells. */
    public static NodeRunInfo ofThisJvm(List<OverloadSpell> overloaded) {
        return new NodeRunInfo(Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")",
                thisAmocVersion(), overloaded);
    }

    /** amoc's version from the jar's manifest, or {@code dev} when amoc runs from classes. */
    public static String thisAmocVersion() {
        String version = NodeRunInfo.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
