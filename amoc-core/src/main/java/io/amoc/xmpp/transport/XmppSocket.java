package io.amoc.xmpp.transport;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The socket of one XMPP connection. While logging in, and for as long as TLS is on, it is read blocking by one
 * thread ({@link #fill}); once a plain connection is logged in, a {@link SharedReader} reads it ({@link
 * #readShared}) and no thread waits on it. Writes go straight to the socket under a lock, from the thread that
 * sends (no writer thread, no queue, no buffer kept between writes); a write that finds the socket's send buffer
 * full waits until the reader sees it writable. Every socket has {@code TCP_NODELAY}: a stanza goes out when it is
 * written, not after the peer's delayed ACK.
 */
final class XmppSocket {

    private final ReentrantLock writeLock = new ReentrantLock();
    private final SocketChannel channel;
    private volatile SSLSocket tls;
    private volatile OutputStream tlsOut;
    private volatile SharedReader.Receiver receiver;
    private volatile SharedReader reader;
    private volatile SelectionKey key;
    private volatile Thread blockedWriter;
    private volatile boolean writableAgain;

    private XmppSocket(SocketChannel channel) {
        this.channel = channel;
    }

    /** A new unconnected TCP socket with {@code TCP_NODELAY}, bound to {@code source} when it is not null. */
    static Socket newSocket(InetAddress source) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        if (source != null) {
            socket.bind(new InetSocketAddress(source, 0));
        }
        return socket;
    }

    /**
     * A new TCP socket for {@code target} with {@code TCP_NODELAY}, bound to {@code source} when it is not null; not
     * connected yet. Between IPv4 addresses it is an IPv4 socket: the JDK's default dual-stack socket costs each
     * connection one more system call and IPv6's address mapping at every connect and address look-up.
     */
    static XmppSocket open(InetAddress source, InetAddress target) throws IOException {
        boolean ipv4 = target instanceof Inet4Address && (source == null || source instanceof Inet4Address);
        SocketChannel channel = ipv4 ? SocketChannel.open(StandardProtocolFamily.INET) : SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (source != null) {
                channel.bind(new InetSocketAddress(source, 0));
            }
            return new XmppSocket(channel);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /** Connects to {@code server}, blocking without a time limit: {@link #close} from another thread ends it. */
    void connect(InetSocketAddress server) throws IOException {
        channel.connect(server);
    }

    /** Secures the connection (STARTTLS after {@code <proceed/>}, or direct TLS); the handshake must end in time. */
    void startTls(String serverName, int timeoutMillis) throws IOException {
        Socket plain = channel.socket();
        plain.setSoTimeout(timeoutMillis);
        SSLSocket secured = SharedTls.wrap(plain, serverName);
        secured.setSoTimeout(0);
        writeLock.lock();
        try {
            tls = secured;
            tlsOut = secured.getOutputStream();
        } finally {
            writeLock.unlock();
        }
    }

    /** The TLS session, or null on a plain connection. */
    SSLSession tlsSession() {
        SSLSocket current = tls;
        return current == null ? null : current.getSession();
    }

    /** Writes {@code xml} as UTF-8, whole, before any other writer may write. */
    void write(CharSequence xml) throws IOException {
        byte[] bytes = xml.toString().getBytes(StandardCharsets.UTF_8);
        writeLock.lock();
        try {
            OutputStream secured = tlsOut;
            if (secured != null) {
                secured.write(bytes);
            } else {
                writePlain(ByteBuffer.wrap(bytes));
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Reads once, blocking without a time limit, into {@code input}: {@link #close} from another thread ends the wait
     * with an exception.
     *
     * @return false at the end of the stream
     */
    boolean fill(StreamInput input) throws IOException {
        Socket socket = tls != null ? tls : channel.socket();
        return input.fill(socket.getInputStream());
    }

    /** From now on {@code receiver} gets what arrives, from a shared reader (plain connections only). */
    void readShared(SharedReader.Receiver receiver) throws IOException {
        this.receiver = receiver;
        SharedReader shared = SharedReader.next();
        writeLock.lock();
        try {
            channel.configureBlocking(false);
        } finally {
            writeLock.unlock();
        }
        reader = shared;
        shared.register(channel, this);
    }

    SharedReader.Receiver receiver() {
        return receiver;
    }

    /** The shared reader registered the channel. */
    void registered(SelectionKey selectionKey) {
        key = selectionKey;
    }

    /** The shared reader saw the socket writable (or closed): a blocked writer goes on. */
    void writable() {
        writableAgain = true;
        Thread writer = blockedWriter;
        if (writer != null) {
            LockSupport.unpark(writer);
        }
    }

    /** The TCP socket under the stream (for its options and addresses). */
    Socket tcp() {
        return channel.socket();
    }

    /** Closes the TCP socket at once, also under TLS (no close_notify); a blocked reader or writer gets an error. */
    void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a socket that failed: nothing left to release
        }
        SharedReader shared = reader;
        if (shared != null) {
            shared.wakeup();                   // a registered channel's socket closes when its reader lets go of it
        }
        writable();
    }

    private void writePlain(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            if (channel.write(bytes) == 0) {
                awaitWritable();
            }
        }
    }

    /** Non-blocking and the send buffer is full: the shared reader wakes this writer when there is room. */
    private void awaitWritable() throws IOException {
        SelectionKey registration = key;
        if (registration == null) {
            Thread.onSpinWait();               // registering still: try again
            return;
        }
        writableAgain = false;
        blockedWriter = Thread.currentThread();
        try {
            registration.interestOpsOr(SelectionKey.OP_WRITE);
            reader.wakeup();
            while (!writableAgain && channel.isOpen()) {
                LockSupport.park(this);
                if (Thread.currentThread().isInterrupted()) {
                    throw new ClosedChannelException();
                }
            }
        } catch (java.nio.channels.CancelledKeyException e) {
            throw new ClosedChannelException();
        } finally {
            blockedWriter = null;
        }
        if (!channel.isOpen()) {
            throw new ClosedChannelException();
        }
    }
}
