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
 * The registry keeps the JDK's built-in registry allowlist and gets our size limits on top. The master reads a
 * slave's answers (and its stub) through an allowlist of its own.
 */
public final class SerialFilters {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SerialFilters.class);

    /** Deepest object graph a call may carry (a bundle is: record, map, byte array). */
    public static final int MAX_DEPTH = 20;
    /** Longest array: class files, a scenario's library jars (a bundle holds at most this much), id lists. */
    public static final int MAX_ARRAY_LENGTH = io.amoc.compile.ScenarioBundle.MAX_BYTES;
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

    private static final Set<Class<?>> MASTER_INBOUND = Set.of(
            io.amoc.engine.NodeStatus.class, io.amoc.engine.NodeState.class, io.amoc.engine.RemovalReport.class,
            io.amoc.engine.UsersDropped.class,
            io.amoc.metrics.MetricsSnapshot.class, RemoteNode.NodeReport.class, SlaveException.class,
            io.amoc.engine.FailureGroup.class, io.amoc.engine.NodeRunInfo.class, io.amoc.health.OverloadSpell.class,
            RemoteNode.class, java.rmi.Remote.class, java.lang.reflect.Proxy.class,
            java.rmi.server.RemoteObjectInvocationHandler.class, java.rmi.server.RemoteObject.class,
            TlsClientSocketFactory.class,
            String.class, Number.class, Long.class, Integer.class, Double.class, Boolean.class, Enum.class,
            HashMap.class, java.util.TreeMap.class, java.util.LinkedHashMap.class, ArrayList.class,
            byte[].class, long[].class, Map.Entry[].class, Object[].class,
            StackTraceElement.class, StackTraceElement[].class);
    /** The serial form of List.of / Map.of and what it resolves to, and the empty list every JDK exception carries. */
    private static final Set<String> MASTER_INBOUND_BY_NAME = Set.of("java.util.CollSer", "java.util.Collections$EmptyList",
            "java.util.ImmutableCollections$ListN", "java.util.ImmutableCollections$List12",
            "java.util.ImmutableCollections$MapN", "java.util.ImmutableCollections$Map1");
    private static final ThreadLocal<Boolean> READING_SLAVE_ANSWER = ThreadLocal.withInitial(() -> false);
    private static final ObjectInputFilter MASTER_GATE = info -> READING_SLAVE_ANSWER.get()
            ? checkMasterInbound(info) : ObjectInputFilter.Status.UNDECIDED;

    private SerialFilters() {
    }

    /**
     * Puts the master's allowlist in place for this JVM: it applies only on threads inside
     * {@link #readingSlaveAnswers}, so nothing else of the JVM changes. Keeps a JVM-wide filter set by the operator
     * ({@code -Djdk.serialFilter}) instead, and says so.
     */
    public static synchronized void installMasterFilter() {
        ObjectInputFilter current = ObjectInputFilter.Config.getSerialFilter();
        if (current == MASTER_GATE) {
            return;
        }
        if (current != null) {
            LOG.warn("a JVM-wide serial filter is already set ({}); the slaves' answers are read through it", current);
            return;
        }
        ObjectInputFilter.Config.setSerialFilter(MASTER_GATE);
    }

    /**
     * Until closed, what this thread reads is read through the master's allowlist: wrap each call to a slave.
     * {@code try (var answers = SerialFilters.readingSlaveAnswers()) { ... }}
     */
    public static SlaveAnswers readingSlaveAnswers() {
        boolean outer = READING_SLAVE_ANSWER.get();
        READING_SLAVE_ANSWER.set(true);
        return () -> READING_SLAVE_ANSWER.set(outer);
    }

    /** The span of one call to a slave. */
    public interface SlaveAnswers extends AutoCloseable {
        @Override
        void close();
    }

    private static ObjectInputFilter.Status checkMasterInbound(ObjectInputFilter.FilterInfo info) {
        if (beyondLimits(info)) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null || MASTER_INBOUND.contains(type) || MASTER_INBOUND_BY_NAME.contains(type.getName())
                || java.lang.reflect.Proxy.isProxyClass(type) || isJdkThrowable(type)) {
            return ObjectInputFilter.Status.ALLOWED;
        }
        LOG.warn("refused to deserialize a {} in a slave's answer: not one of amoc's protocol types", type.getName());
        return ObjectInputFilter.Status.REJECTED;
    }

    /** The JDK's own exceptions (RMI wraps failures in them); a scenario's or library's exceptions never travel. */
    private static boolean isJdkThrowable(Class<?> type) {
        return Throwable.class.isAssignableFrom(type) && type.getClassLoader() == null
                && type.getName().startsWith("java.");
    }

    private static boolean beyondLimits(ObjectInputFilter.FilterInfo info) {
        return info.depth() > MAX_DEPTH || info.arrayLength() > MAX_ARRAY_LENGTH
                || info.references() > MAX_REFERENCES || info.streamBytes() > MAX_BYTES;
    }

    /** The filter on the slave's exported object: the protocol's argument types and JDK values, within limits. */
    public static ObjectInputFilter slaveInbound() {
        return SerialFilters::checkSlaveInbound;
    }

    /** The master's allowlist for a slave's answers, ungated (for tests of the list itself). */
    static ObjectInputFilter masterInbound() {
        return SerialFilters::checkMasterInbound;
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
        if (beyondLimits(info)) {
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
