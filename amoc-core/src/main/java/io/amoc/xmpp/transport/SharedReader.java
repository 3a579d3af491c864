package io.amoc.xmpp.transport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One thread and one selector reading the sockets of many logged-in connections: an idle session has no thread of
 * its own parked on its socket (no stack, no poller registration to renew at every read). What arrives is handed
 * to the connection on this thread, which parses whole elements and lets Smack dispatch them; Smack runs listeners
 * and IQ handlers on its own executors. A few of these serve the whole JVM, connections spread over them in turn.
 * The JDK's {@code Selector} is used rather than a library (Netty and the like) because the transport needs only
 * readiness and one read per event, and Smack's parsing stays as it is.
 */
final class SharedReader {

    /** What the reader calls back, on its thread. */
    interface Receiver {
        /** {@code length} bytes arrived in {@code buffer}, which is lent for this call only. */
        void received(byte[] buffer, int length);

        /** The peer closed the socket ({@code cause} null) or reading failed. */
        void ended(IOException cause);
    }

    /** Readers for the JVM: enough that one slow listener does not hold every connection, few enough to stay cheap. */
    private static final int READERS = Math.max(2, Runtime.getRuntime().availableProcessors() / 2);
    /** Bytes read at once; a read is copied out only when it ends inside an element. */
    private static final int READ_BUFFER_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(SharedReader.class);
    private static final SharedReader[] ALL = new SharedReader[READERS];
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final Selector selector;
    private final Queue<Registration> registrations = new ConcurrentLinkedQueue<>();
    /** Keys registered and added to epoll by other threads, whose epoll events this reader has not matched yet. */
    private final Queue<SelectionKey> addedDirectly = new ConcurrentLinkedQueue<>();
    private final List<SelectionKey> matching = new ArrayList<>();
    private final byte[] buffer = new byte[READ_BUFFER_BYTES];
    private final ByteBuffer readBuffer = ByteBuffer.wrap(buffer);

    private record Registration(SocketChannel channel, XmppSocket socket) {
    }

    private SharedReader(int number) throws IOException {
        selector = Selector.open();
        Thread thread = new Thread(this::run, "xmpp-reader-" + number);
        thread.setDaemon(true);
        thread.start();
    }

    /** The next reader in turn (started at first use). */
    static SharedReader next() throws IOException {
        int index = Math.floorMod(NEXT.getAndIncrement(), READERS);
        synchronized (ALL) {
            if (ALL[index] == null) {
                ALL[index] = new SharedReader(index + 1);
            }
            return ALL[index];
        }
    }

    /**
     * Starts reading {@code channel} (non-blocking already) for {@code socket}. Where it can, the calling thread
     * registers the channel and adds it to the selector's epoll set itself, so that a sleeping reader is not woken
     * for it: the first data on the socket wakes it ({@link DirectEpoll}). Otherwise the reader is woken to register.
     */
    void register(SocketChannel channel, XmppSocket socket) {
        if (DirectEpoll.usable(selector)) {
            try {
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ, socket);
                socket.registered(key);
                if (DirectEpoll.addForReading(selector, channel)) {
                    addedDirectly.add(key);
                    return;
                }
            } catch (ClosedChannelException e) {
                socket.receiver().ended(e);
                return;
            }
            selector.wakeup();                 // epoll refused: the selector adds it at its next selection
            return;
        }
        registrations.add(new Registration(channel, socket));
        selector.wakeup();
    }

    /** Lets the reader apply a change of interest (or a closed channel) at once. */
    void wakeup() {
        selector.wakeup();
    }

    private void run() {
        while (true) {
            try {
                select();
                registerWaiting();
                for (SelectionKey key : selector.selectedKeys()) {
                    ready(key);
                }
                selector.selectedKeys().clear();
            } catch (IOException | RuntimeException e) {
                // a selector failing as a whole is not one connection's fault: keep serving the others
                LOG.warn("an XMPP reader goes on after: {}", e.toString());
            }
        }
    }

    /**
     * Waits for sockets ready. Keys added directly since the last call are first taken in by a selection that does
     * not wait (the selector applies their registration then), and their epoll events matched to their interest.
     * Until then an event of such a socket is passed over by the selector, which does not know its descriptor yet,
     * and comes back at once (epoll is level-triggered) at that next selection.
     */
    private void select() throws IOException {
        for (SelectionKey key = addedDirectly.poll(); key != null; key = addedDirectly.poll()) {
            matching.add(key);
        }
        if (matching.isEmpty()) {
            selector.select();
            return;
        }
        selector.selectNow();
        for (SelectionKey key : matching) {
            try {
                if (key.isValid()) {
                    DirectEpoll.matchInterest(selector, key);
                }
            } catch (CancelledKeyException e) {
                // closed meanwhile: the selector drops it
            }
        }
        matching.clear();
    }

    private void registerWaiting() {
        for (Registration waiting = registrations.poll(); waiting != null; waiting = registrations.poll()) {
            try {
                waiting.socket().registered(waiting.channel().register(selector, SelectionKey.OP_READ, waiting.socket()));
            } catch (ClosedChannelException e) {
                waiting.socket().receiver().ended(e);
            }
        }
    }

    private void ready(SelectionKey key) {
        XmppSocket socket = (XmppSocket) key.attachment();
        try {
            if (key.isWritable()) {
                key.interestOpsAnd(~SelectionKey.OP_WRITE);
                socket.writable();
            }
            if (key.isReadable()) {
                read(key, socket);
            }
        } catch (CancelledKeyException e) {
            socket.writable();                 // closed meanwhile: a waiting writer finds out
        }
    }

    private void read(SelectionKey key, XmppSocket socket) {
        readBuffer.clear();
        int read;
        try {
            read = ((SocketChannel) key.channel()).read(readBuffer);
        } catch (IOException e) {
            key.cancel();
            socket.receiver().ended(e);
            return;
        }
        if (read < 0) {
            key.cancel();
            socket.receiver().ended(null);
        } else if (read > 0) {
            socket.receiver().received(buffer, read);
        }
    }
}
