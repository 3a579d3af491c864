package io.amoc.xmpp.transport;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * Adds a socket to a JDK selector's epoll set from the thread that registers it. The JDK's {@link Selector} applies
 * a registration only when its own thread next wakes, so handing a logged-in socket to a sleeping shared reader
 * cost a wake-up of that reader at every login; epoll itself takes additions from any thread. This calls the JDK's
 * own epoll function ({@code sun.nio.ch}, opened by {@code bin/amoc}'s {@code --add-opens}); without that opening,
 * or with another selector than Linux's, {@link #usable} says no and registration wakes the reader as before.
 * No library does this for a JDK selector; a selector of amoc's own would need its own reading loop and buffers.
 */
final class DirectEpoll {

    private static final int EPOLL_CTL_ADD = 1;
    private static final int EPOLL_CTL_MOD = 3;
    private static final int EPOLLIN = 0x001;
    private static final int EPOLLOUT = 0x004;
    private static final Class<?> SELECTOR_CLASS;
    /** {@code sun.nio.ch.EPoll.ctl(int epfd, int opcode, int fd, int events)}: 0 or an errno. */
    private static final MethodHandle CTL;
    /** The epoll file descriptor of an {@code EPollSelectorImpl}. */
    private static final MethodHandle EPFD;
    /** The file descriptor of a selectable channel ({@code SelChImpl.getFDVal()}). */
    private static final MethodHandle FD;

    static {
        Class<?> selector = null;
        MethodHandle ctl = null;
        MethodHandle epfd = null;
        MethodHandle fd = null;
        try {
            selector = Class.forName("sun.nio.ch.EPollSelectorImpl");
            Class<?> epoll = Class.forName("sun.nio.ch.EPoll");
            Class<?> channel = Class.forName("sun.nio.ch.SelChImpl");
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            ctl = MethodHandles.privateLookupIn(epoll, lookup).findStatic(epoll, "ctl",
                    MethodType.methodType(int.class, int.class, int.class, int.class, int.class));
            epfd = MethodHandles.privateLookupIn(selector, lookup).findGetter(selector, "epfd", int.class);
            fd = MethodHandles.privateLookupIn(channel, lookup).findVirtual(channel, "getFDVal",
                    MethodType.methodType(int.class));
        } catch (ReflectiveOperationException | RuntimeException notOpened) {
            ctl = null;                        // the package is not opened to amoc, or the JDK changed
        }
        SELECTOR_CLASS = selector;
        CTL = ctl;
        EPFD = epfd;
        FD = fd;
    }

    private DirectEpoll() {
    }

    /** Whether sockets can be added to {@code selector}'s epoll set directly. */
    static boolean usable(Selector selector) {
        return CTL != null && selector.getClass() == SELECTOR_CLASS;
    }

    /** Adds {@code channel} to {@code selector}'s epoll set for reading; false if epoll refused it. */
    static boolean addForReading(Selector selector, SelectableChannel channel) {
        return control(selector, EPOLL_CTL_ADD, channel, EPOLLIN);
    }

    /**
     * Sets the events epoll watches for {@code key} to its interest. Call it on the selector's thread after a
     * selection that applied the key's registration: an interest changed before that (writing waits for room)
     * made the selector's own addition fail, as the socket was in the set already, and the selector silently kept
     * the events added here.
     */
    static void matchInterest(Selector selector, SelectionKey key) {
        int interest = key.interestOps();
        if (interest == SelectionKey.OP_READ) {
            return;                            // what addForReading set: one system call fewer per login
        }
        int events = ((interest & SelectionKey.OP_READ) != 0 ? EPOLLIN : 0)
                | ((interest & SelectionKey.OP_WRITE) != 0 ? EPOLLOUT : 0);
        control(selector, EPOLL_CTL_MOD, key.channel(), events);
    }

    private static boolean control(Selector selector, int opcode, SelectableChannel channel, int events) {
        try {
            int epfd = (int) EPFD.invoke(selector);
            int fd = (int) FD.invoke(channel);
            return (int) CTL.invokeExact(epfd, opcode, fd, events) == 0;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("epoll control failed", e);
        }
    }
}
