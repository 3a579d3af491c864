package io.amoc.xmpp.transport;

import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The socket of one XMPP connection and what reads and writes it: a small UTF-8 reader feeding a compact XPP3
 * parser, and writes straight to the socket under a lock (no writer thread, no queue, no buffer kept between
 * writes). Every socket has {@code TCP_NODELAY}: a stanza goes out when it is written, not after the peer's
 * delayed ACK.
 */
final class XmppSocket {

    private final ReentrantLock writeLock = new ReentrantLock();
    private final CompactXmlParser parser = new CompactXmlParser();
    private final Utf8Reader reader;
    /** The TCP socket, also under TLS: closing it ends the connection at once, without TLS's close_notify. */
    private final Socket tcp;
    private volatile Socket socket;
    private volatile OutputStream out;
    private volatile SSLSession tlsSession;

    private XmppSocket(Socket socket) throws IOException {
        this.tcp = socket;
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = new Utf8Reader(socket.getInputStream());
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

    /** Connects to {@code server} within {@code timeoutMillis}, from {@code source} (null: the system's choice). */
    static XmppSocket connect(InetSocketAddress server, InetAddress source, int timeoutMillis) throws IOException {
        Socket socket = newSocket(source);
        try {
            socket.connect(server, timeoutMillis);
            return new XmppSocket(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Secures the connection (STARTTLS after {@code <proceed/>}, or direct TLS); the handshake must end in time. */
    void startTls(String serverName, int timeoutMillis) throws IOException {
        tcp.setSoTimeout(timeoutMillis);
        SSLSocket tls = SharedTls.wrap(tcp, serverName);
        tls.setSoTimeout(0);
        writeLock.lock();
        try {
            socket = tls;
            out = tls.getOutputStream();
        } finally {
            writeLock.unlock();
        }
        reader.switchTo(tls.getInputStream());
        tlsSession = tls.getSession();
    }

    /** The TLS session, or null on a plain connection. */
    SSLSession tlsSession() {
        return tlsSession;
    }

    /** Writes {@code xml} as UTF-8, whole, before any other writer may write. */
    void write(CharSequence xml) throws IOException {
        byte[] bytes = xml.toString().getBytes(StandardCharsets.UTF_8);
        writeLock.lock();
        try {
            out.write(bytes);
        } finally {
            writeLock.unlock();
        }
    }

    /** Blocks until input is there to parse, outside the parser; false when the server closed the connection. */
    boolean awaitInput() throws IOException {
        return parser.hasBufferedInput() || reader.awaitInput();
    }

    /** The parser, restarted for a new stream; {@code keepUnread}: what is buffered but not parsed yet stays. */
    XmlPullParser restartParser(boolean keepUnread) throws XmlPullParserException {
        parser.restart(reader, keepUnread);
        return parser.forSmack();
    }

    /** Gives back what a large stanza took from the parser (between top-level elements only). */
    void shrinkParser() {
        parser.shrink();
    }

    /** The TCP socket under the stream (for its options and addresses). */
    Socket tcp() {
        return tcp;
    }

    /** Closes the TCP socket at once (no lock: a blocked writer or reader gets an exception). */
    void close() {
        try {
            tcp.close();
        } catch (IOException ignored) {
            // closing a socket that failed: nothing left to release
        }
    }
}
