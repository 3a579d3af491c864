package io.amoc.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a user holds that must not outlive it, as an Erlang process is linked to its socket: the XMPP helpers link
 * each connection they open to the user whose thread opens it. A user removed by force has its links closed at
 * once, before its thread is interrupted (so its sockets close even while it sleeps or ignores the interrupt), and
 * a user that ends closes whatever it left open. A link may also fail its user from any thread ({@link Link#fail}):
 * a lost connection ends the user at once, as an exit signal ends a linked process. Scenario code does not see this
 * class; off a user's thread (tests, {@code init}) linking does nothing.
 */
public final class UserLinks {

    private static final Logger LOG = LoggerFactory.getLogger(UserLinks.class);
    /** What {@link #link} gives off a user's thread: failing or unlinking it does nothing. */
    private static final Link UNLINKED = new Link(null, null);

    private final Consumer<Throwable> failUser;
    private final Supplier<StackTraceElement> scenarioFrame;
    private Map<Object, Runnable> links;

    /**
     * @param failUser      fails the user that owns these links, with a cause (from any thread)
     * @param scenarioFrame the user's scenario as a stack frame
     */
    UserLinks(Consumer<Throwable> failUser, Supplier<StackTraceElement> scenarioFrame) {
        this.failUser = failUser;
        this.scenarioFrame = scenarioFrame;
    }

    /** One resource's link to its user. */
    public static final class Link {
        private final UserLinks owner;
        private final Object resource;

        private Link(UserLinks owner, Object resource) {
            this.owner = owner;
            this.resource = resource;
        }

        /**
         * The resource failed (e.g. the server closed the connection): the user fails with {@code cause}, now and from
         * any thread: counted in {@code user_failures} and grouped by the cause, its other links closed, its thread
         * interrupted, no longer counted alive. Nothing happens once the user has ended or is being removed, and off
         * a user's thread.
         */
        public void fail(Throwable cause) {
            if (owner != null) {
                owner.remove(resource);
                owner.failUser.accept(cause);
            }
        }

        /**
         * The user's scenario as a stack frame (its class and source file, no line), to place a failure raised
         * outside its code, such as a connection lost on a reader's thread; null off a user's thread.
         */
        public StackTraceElement scenarioFrame() {
            return owner == null ? null : owner.scenarioFrame.get();
        }

        /** The user closed the resource itself: nothing to do for it when the user ends. Any thread. */
        public void unlink() {
            if (owner != null) {
                owner.remove(resource);
            }
        }
    }

    /**
     * Links {@code resource} to the current user: {@code closeNow} runs if the user ends, is removed by force or fails
     * first. Off a user's thread the link does nothing.
     */
    public static Link link(Object resource, Runnable closeNow) {
        User user = User.current();
        if (user == null) {
            return UNLINKED;
        }
        user.links().add(resource, closeNow);
        return new Link(user.links(), resource);
    }

    /** The current user closed {@code resource} itself: nothing to do for it when the user ends. */
    public static void unlink(Object resource) {
        User user = User.current();
        if (user != null) {
            user.links().remove(resource);
        }
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
