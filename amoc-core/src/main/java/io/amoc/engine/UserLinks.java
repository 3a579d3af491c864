package io.amoc.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What a user holds that must not outlive it, as an Erlang process is linked to its socket: the XMPP helpers link
 * each connection they open to the user whose thread opens it. A user removed by force has its links closed at
 * once, before its thread is interrupted (so its sockets close even while it sleeps or ignores the interrupt), and
 * a user that ends closes whatever it left open. Scenario code does not see this class; off a user's thread
 * (tests, {@code init}) linking does nothing.
 */
public final class UserLinks {

    private static final Logger LOG = LoggerFactory.getLogger(UserLinks.class);
    private static final ThreadLocal<UserLinks> CURRENT = new ThreadLocal<>();

    private Map<Object, Runnable> links;

    UserLinks() {
    }

    /** Links {@code resource} to the current user: {@code closeNow} runs if the user ends or is removed first. */
    public static void link(Object resource, Runnable closeNow) {
        UserLinks current = CURRENT.get();
        if (current != null) {
            current.add(resource, closeNow);
        }
    }

    /** The current user closed {@code resource} itself: nothing to do for it when the user ends. */
    public static void unlink(Object resource) {
        UserLinks current = CURRENT.get();
        if (current != null) {
            current.remove(resource);
        }
    }

    /** Makes these the links of the calling thread (the user's own thread, while it runs). */
    void enter() {
        CURRENT.set(this);
    }

    void leave() {
        CURRENT.remove();
    }

    /** Closes every linked resource now (from any thread); a failing close is logged and the others still close. */
    void closeAll() {
        Map<Object, Runnable> closing;
        synchronized (this) {
            closing = links;
            links = null;
        }
        if (closing == null) {
            return;
        }
        for (Runnable closeNow : closing.values()) {
            try {
                closeNow.run();
            } catch (RuntimeException e) {
                LOG.debug("closing a resource of a user that ended: {}", e.toString());
            }
        }
    }

    private synchronized void add(Object resource, Runnable closeNow) {
        if (links == null) {
            links = new IdentityHashMap<>(2);
        }
        links.put(resource, closeNow);
    }

    private synchronized void remove(Object resource) {
        if (links != null) {
            links.remove(resource);
        }
    }
}
