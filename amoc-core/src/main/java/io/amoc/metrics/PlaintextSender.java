package io.amoc.metrics;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Sends lines to Graphite's plaintext port over one TCP connection, kept open between reports. Connecting and
 * writing each have a deadline, so a Graphite that is down, or that accepts but never reads, costs at most the
 * timeout; after a failure the connection is dropped and the next report connects again.
 */
final class PlaintextSender implements AutoCloseable {

    private final InetSocketAddress address;
    private final Duration timeout;
    private SocketChannel channel;

    PlaintextSender(String host, int port, Duration timeout) {
        this.address = InetSocketAddress.createUnresolved(host, port);
        this.timeout = timeout;
    }

    void send(List<String> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        try {
            if (channel == null) {
                channel = connect();
            }
            write(channel, bytes);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private SocketChannel connect() throws IOException {
        SocketChannel opened = SocketChannel.open();
        try {
            opened.configureBlocking(false);
            InetSocketAddress resolved = new InetSocketAddress(address.getHostString(), address.getPort());
            if (!opened.connect(resolved)) {
                await(opened, SelectionKey.OP_CONNECT, "connecting to " + address.getHostString() + ":" + address.getPort());
                opened.finishConnect();
            }
            return opened;
        } catch (IOException e) {
            opened.close();
            throw e;
        }
    }

    private void write(SocketChannel to, ByteBuffer bytes) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (bytes.hasRemaining()) {
            if (to.write(bytes) == 0) {
                if (System.nanoTime() >= deadline) {
                    throw new SocketTimeoutException("Graphite did not read a report within " + timeout.toMillis() + " ms");
                }
                await(to, SelectionKey.OP_WRITE, "writing");
            }
        }
    }

    private void await(SocketChannel on, int operation, String what) throws IOException {
        try (Selector selector = Selector.open()) {
            SelectionKey key = on.register(selector, operation);
            if (selector.select(timeout.toMillis()) == 0) {
                throw new SocketTimeoutException(what + " took longer than " + timeout.toMillis() + " ms");
            }
            key.cancel();
        }
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do with a broken connection
            }
            channel = null;
        }
    }
}
