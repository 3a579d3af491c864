package io.amoc.xmpp.transport;

import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.Collection;
import java.util.Map;

/**
 * Delivery of a received stanza for a connection without stanza listeners, as Smack delivers it but on the reading
 * thread alone. Smack (4.4) hands every received stanza to its shared executor for the synchronous listeners, even
 * when there are none: a thread woken for nothing, twice per login (the binding's answer, the presence echo) and once
 * per message a session receives. Its listener maps, collectors and {@code StanzaCollector.processStanza} are not
 * public, hence the handles; if they cannot be had (another Smack), every stanza takes Smack's own way.
 */
final class CollectorsOnly {

    private static final Handles HANDLES = Handles.find();

    private CollectorsOnly() {
    }

    /** Whether the shortcut works with this Smack (false: Smack delivers every stanza its own way). */
    static boolean available() {
        return HANDLES != null;
    }

    /**
     * Gives {@code stanza} to the collectors of {@code connection} and returns true, when it has no stanza listeners
     * and the stanza is not an IQ request (those go to IQ handlers); false: Smack must deliver it.
     */
    static boolean delivered(AbstractXMPPConnection connection, Stanza stanza) {
        Handles handles = HANDLES;
        if (handles == null || stanza instanceof IQ iq && iq.isRequestIQ() || handles.hasListeners(connection)) {
            return false;
        }
        handles.collect(connection, stanza);
        return true;
    }

    private record Handles(VarHandle syncListeners, VarHandle asyncListeners, VarHandle listeners,
                           VarHandle collectors, MethodHandle processStanza) {

        static Handles find() {
            try {
                MethodHandles.Lookup connection = MethodHandles.privateLookupIn(AbstractXMPPConnection.class,
                        MethodHandles.lookup());
                MethodHandles.Lookup collector = MethodHandles.privateLookupIn(StanzaCollector.class,
                        MethodHandles.lookup());
                return new Handles(
                        connection.findVarHandle(AbstractXMPPConnection.class, "syncRecvListeners", Map.class),
                        connection.findVarHandle(AbstractXMPPConnection.class, "asyncRecvListeners", Map.class),
                        connection.findVarHandle(AbstractXMPPConnection.class, "recvListeners", Map.class),
                        connection.findVarHandle(AbstractXMPPConnection.class, "collectors", Collection.class),
                        collector.findVirtual(StanzaCollector.class, "processStanza",
                                MethodType.methodType(void.class, Stanza.class)));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        boolean hasListeners(AbstractXMPPConnection connection) {
            return !isEmpty((Map<?, ?>) syncListeners.get(connection))
                    || !isEmpty((Map<?, ?>) asyncListeners.get(connection))
                    || !isEmpty((Map<?, ?>) listeners.get(connection));
        }

        /** Smack guards each listener map with the map itself. */
        private static boolean isEmpty(Map<?, ?> listeners) {
            synchronized (listeners) {
                return listeners.isEmpty();
            }
        }

        void collect(AbstractXMPPConnection connection, Stanza stanza) {
            for (Object collector : (Collection<?>) collectors.get(connection)) {
                try {
                    processStanza.invoke((StanzaCollector) collector, stanza);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
