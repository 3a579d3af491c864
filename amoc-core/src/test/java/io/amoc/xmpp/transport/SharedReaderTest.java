package io.amoc.xmpp.transport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sockets handed to the shared readers, which the handing thread adds to a reader's epoll set itself (no wake-up of
 * a sleeping reader): the first data of each is read, and a writer that fills the socket's buffer as soon as it is
 * handed over is woken when there is room, before any reader has taken the socket in.
 */
@Timeout(60)
class SharedReaderTest {

    private static final int SOCKETS = 40;
    private static final int LARGE_BYTES = 16 * 1024 * 1024;

    @Test
    void theTestJvmAddsSocketsDirectlyAsBinAmocDoes() throws IOException {
        try (Selector selector = Selector.open()) {
            assertTrue(DirectEpoll.usable(selector), "sun.nio.ch is opened to amoc (surefire's argLine, bin/amoc)");
        }
    }

    @Test
    void theFirstDataOfEverySocketHandedToASleepingReaderIsRead() throws Exception {
        try (ServerSocketChannel server = listen()) {
            List<SocketChannel> accepted = new ArrayList<>();
            List<XmppSocket> sockets = new ArrayList<>();
            CountDownLatch heard = new CountDownLatch(SOCKETS);
            for (int i = 0; i < SOCKETS; i++) {
                XmppSocket socket = connect(server);
                accepted.add(server.accept());
                socket.readShared(new Collecting(heard, "hello".length()));
                sockets.add(socket);
            }
            for (SocketChannel peer : accepted) {
                peer.write(ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII)));
            }
            assertTrue(heard.await(10, TimeUnit.SECONDS), heard.getCount() + " of " + SOCKETS + " never read");
            sockets.forEach(XmppSocket::close);
            for (SocketChannel peer : accepted) {
                peer.close();
            }
        }
    }

    @Test
    void aWriterThatFillsTheBufferRightAfterTheHandOverIsWokenWhenThereIsRoom() throws Exception {
        try (ServerSocketChannel server = listen()) {
            XmppSocket socket = connect(server);
            try (SocketChannel peer = server.accept()) {
                socket.readShared(new Collecting(new CountDownLatch(1), 1));
                CompletableFuture<Void> written = CompletableFuture.runAsync(() -> {
                    try {
                        socket.write("x".repeat(LARGE_BYTES));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }, Thread::startVirtualThread);
                long read = 0;
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                while (read < LARGE_BYTES) {
                    buffer.clear();
                    int n = peer.read(buffer);
                    assertTrue(n >= 0, "the writer's side closed after " + read + " bytes");
                    read += n;
                }
                written.get(10, TimeUnit.SECONDS);
                assertEquals(LARGE_BYTES, read);
            } finally {
                socket.close();
            }
        }
    }

    private static ServerSocketChannel listen() throws IOException {
        return ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), SOCKETS);
    }

    private static XmppSocket connect(ServerSocketChannel server) throws IOException {
        InetSocketAddress address = (InetSocketAddress) server.getLocalAddress();
        XmppSocket socket = XmppSocket.open(null, address.getAddress());
        socket.connect(address);
        return socket;
    }

    /** Counts {@code latch} down once {@code expected} bytes have arrived. */
    private static final class Collecting implements SharedReader.Receiver {
        private final CountDownLatch latch;
        private final long expected;
        private final AtomicLong received = new AtomicLong();

        Collecting(CountDownLatch latch, long expected) {
            this.latch = latch;
            this.expected = expected;
        }

        @Override
        public void received(byte[] buffer, int length) {
            if (received.addAndGet(length) >= expected && received.get() - length < expected) {
                latch.countDown();
            }
        }

        @Override
        public void ended(IOException cause) {
            // the test closes both ends at its end
        }
    }
}
