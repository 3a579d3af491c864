package io.amoc.rmi;

import io.amoc.compile.ScenarioBundle;
import io.amoc.engine.IdRange;

import java.io.ObjectInputFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The deserialization allowlists of the RMI transport. A slave reads only the protocol's own argument types and
 * plain JDK values; anything else is rejected before any of its code (such as {@code readObject}) runs.
 * The registry keeps the JDK's built-in registry allowlist and gets our size limits on top.
 */
public final class SerialFilters {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SerialFilters.class);

    /** Deepest object graph a call may carry (a bundle is: record, map, byte array). */
    public static final int MAX_DEPTH = 20;
    /** Longest array: class files and id lists. */
    public static final int MAX_ARRAY_LENGTH = 16 * 1024 * 1024;
    /** Most object references in one call. */
    public static final int MAX_REFERENCES = 200_000;
    /** Most bytes in one call. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;
    /** The system property through which the JDK's registry takes extra filter rules. */
    public static final String REGISTRY_FILTER_PROPERTY = "sun.rmi.registry.registryFilter";

    private static final Set<Class<?>> SLAVE_INBOUND = Set.of(
            MasterIdentity.class, ScenarioBundle.class, IdRange.class,
            String.class, Number.class, Long.class, Integer.class, Double.class, Boolean.class,
            HashMap.class, ArrayList.class, byte[].class, long[].class,
            // HashMap and ArrayList check the size of their backing arrays against the filter before allocating
            Map.Entry[].class, Object[].class);

    private SerialFilters() {
    }

    /** The filter on the slave's exported object: the protocol's argument types and JDK values, within limits. */
    public static ObjectInputFilter slaveInbound() {
        return SerialFilters::checkSlaveInbound;
    }

    /** The limits the slave's registry applies before the JDK's own registry allowlist. */
    public static String registryLimits() {
        return "maxdepth=" + MAX_DEPTH + ";maxarray=" + MAX_ARRAY_LENGTH + ";maxrefs=" + MAX_REFERENCES
                + ";maxbytes=" + MAX_BYTES;
    }

    /** Puts the registry limits in place; call before the first registry of this JVM is created. */
    public static void installRegistryLimits() {
        if (System.getProperty(REGISTRY_FILTER_PROPERTY) == null) {
            System.setProperty(REGISTRY_FILTER_PROPERTY, registryLimits());
        }
    }

    private static ObjectInputFilter.Status checkSlaveInbound(ObjectInputFilter.FilterInfo info) {
        if (info.depth() > MAX_DEPTH || info.arrayLength() > MAX_ARRAY_LENGTH
                || info.references() > MAX_REFERENCES || info.streamBytes() > MAX_BYTES) {
            LOG.warn("refused a call beyond the limits (depth {}, array {}, references {}, bytes {})",
                    info.depth(), info.arrayLength(), info.references(), info.streamBytes());
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return ObjectInputFilter.Status.ALLOWED;
        }
        if (SLAVE_INBOUND.contains(type)) {
            return ObjectInputFilter.Status.ALLOWED;
        }
        LOG.warn("refused to deserialize a {} sent to this slave: not one of amoc's protocol types", type.getName());
        return ObjectInputFilter.Status.REJECTED;
    }
}
