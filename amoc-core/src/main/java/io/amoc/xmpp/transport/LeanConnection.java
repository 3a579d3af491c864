package io.amoc.xmpp.transport;

import io.amoc.xmpp.ServerClosedConnectionException;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.SmackException.NotConnectedException;
import org.jivesoftware.smack.SmackException.SecurityRequiredByServerException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.XMPPException.StreamErrorException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Mechanisms;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Nonza;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StartTls;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.TopLevelStreamElement;
import org.jivesoftware.smack.sasl.packet.SaslNonza;
import org.jivesoftware.smack.datatypes.UInt16;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.util.Supplier;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jxmpp.jid.parts.Resourcepart;

import javax.net.ssl.SSLSession;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.ThreadFactory;

/**
 * A Smack connection for load generation: one blocking socket read by one virtual thread, which feeds Smack's own
 * stanza, stream-feature and SASL parsing; writes go straight to the socket under a lock from the thread that sends
 * (no writer thread, no queue). Everything of {@link AbstractXMPPConnection} works: stanzas, collectors, listeners,
 * interceptors, IQ request/response and handlers, managers, SASL, STARTTLS and direct TLS. Not here: stream
 * management (XEP-198), compression, DNS SRV look-ups, proxies, automatic reconnection.
 *
 * <p>Closing: {@link #disconnect()} sends {@code </stream:stream>} and waits for the server's; {@link
 * #instantShutdown()} closes the socket at once and never blocks. A stream error, or the server closing the
 * stream or the socket, closes the connection at once and reaches {@code connectionClosedOnError}; during login
 * it ends the login with that error instead of waiting for a timeout.
 */
public final class LeanConnection extends AbstractXMPPConnection {

    private static final String STREAMS_NAMESPACE = "http://etherx.jabber.org/streams";
    private static final String CLOSE_STREAM = "</stream:stream>";
    private static final ThreadFactory READERS = Thread.ofVirtual().name("xmpp-reader").factory();

    private final LeanConfiguration config;
    private final LeanLogin login = new LeanLogin(this);
    private volatile XmppSocket socket;
    private volatile XmlPullParser parser;
    /** Set when this side closes: what the reader then sees is the end it asked for, not an error. */
    private volatile boolean closing;

    /** An unconnected connection; {@link #connect()} and {@link #login()} as with any Smack connection. */
    public LeanConnection(LeanConfiguration config) {
        super(config);
        this.config = config;
    }

    @Override
    public boolean isSecureConnection() {
        XmppSocket current = socket;
        return current != null && current.tlsSession() != null;
    }

    @Override
    public boolean isUsingCompression() {
        return false;
    }

    /** The TCP socket of the session while connected (null otherwise): for its options and addresses. */
    public Socket tcpSocket() {
        XmppSocket current = socket;
        return current == null ? null : current.tcp();
    }

    @Override
    protected void connectInternal() throws SmackException, IOException, XMPPException, InterruptedException {
        closing = false;
        InetSocketAddress server = serverAddress();
        XmppSocket opened = XmppSocket.connect(server, config.sourceAddress(), config.connectTimeoutMillis());
        socket = opened;
        host = server.getHostString();
        port = UInt16.from(server.getPort());
        if (config.directTls()) {
            opened.startTls(getXMPPServiceDomain().toString(), config.connectTimeoutMillis());
        }
        restartParser(false);
        connected = true;
        READERS.newThread(this::readStream).start();
        sendStreamOpen();
        waitForConditionOrThrowConnectionException(() -> tlsHandled, "establishing TLS");
        waitForConditionOrThrowConnectionException(() -> saslFeatureReceived, "SASL mechanisms stream feature");
    }

    @Override
    protected void loginInternal(String username, String password, Resourcepart resource)
            throws XMPPException, SmackException, IOException, InterruptedException {
        XmppSocket current = socket;
        if (current == null) {
            throw new NotConnectedException("the connection closed before login");
        }
        login.authenticate(username, password, current.tlsSession());
        waitForConditionOrThrowConnectionException(login::featuresReceived, "stream features after authentication");
        bindResourceAndEstablishSession(resource);
        afterSuccessfulLogin(false);
    }

    @Override
    protected void afterFeaturesReceived() throws SecurityRequiredByServerException, NotConnectedException,
            InterruptedException {
        StartTls startTls = getFeature(StartTls.class);
        boolean offered = startTls != null && !isSecureConnection();
        if (offered && startTls.required() && config.getSecurityMode() == SecurityMode.disabled) {
            SecurityRequiredByServerException refused = new SecurityRequiredByServerException();
            setCurrentConnectionExceptionAndNotify(refused);
            throw refused;
        }
        if (offered && config.getSecurityMode() != SecurityMode.disabled) {
            sendNonza(new StartTls());
        } else {
            tlsHandled = true;
            // a server that offers STARTTLS again over TLS: its mechanisms count (Smack only looks without STARTTLS)
            saslFeatureReceived = saslFeatureReceived || offeredOverTls();
            notifyWaitingThreads();
        }
        login.featuresArrived(isSaslAuthenticated());
    }

    private boolean offeredOverTls() {
        return isSecureConnection() && getFeature(Mechanisms.class) != null;
    }

    @Override
    public void sendNonza(Nonza element) throws NotConnectedException {
        write(element);
    }

    @Override
    protected void sendStanzaInternal(Stanza stanza) throws NotConnectedException {
        write(stanza);
        firePacketSendingListeners(stanza);
    }

    /** Polite close: {@code </stream:stream>}, then the server's, within the reply timeout. */
    @Override
    protected void shutdown() {
        XmppSocket current = socket;
        if (current == null) {
            return;
        }
        closing = true;
        try {
            current.write(CLOSE_STREAM);
            waitForClosingStreamTagFromServer();
        } catch (IOException e) {
            // the socket is gone already: nothing to wait for
        }
        closed(current);
    }

    /** Closes the socket at once: no presence, no {@code </stream:stream>}; never blocks. */
    @Override
    public void instantShutdown() {
        closing = true;
        login.abandon();
        XmppSocket current = socket;
        if (current != null) {
            closed(current);
        }
    }

    /** Smack's own waiting with the connection's monitor: lets {@link LeanLogin} wait like the rest of Smack. */
    void awaitOrThrow(Supplier<Boolean> condition, String what)
            throws SmackException, XMPPException, InterruptedException {
        waitForConditionOrThrowConnectionException(condition, what);
    }

    void wakeWaiters() {
        notifyWaitingThreads();
    }

    /** Runs SASL as Smack does it (for {@link LeanLogin}). */
    void authenticateWithSmack(String username, String password, SSLSession tls) throws Exception {
        authenticate(username, password, config.getAuthzid(), tls);
    }

    private void closed(XmppSocket current) {
        current.close();
        setWasAuthenticated();
        authenticated = false;
        connected = false;
        socket = null;
    }

    private void write(TopLevelStreamElement element) throws NotConnectedException {
        XmppSocket current = socket;
        if (current == null) {
            throw new NotConnectedException("the connection is closed");
        }
        try {
            current.write(element.toXML(outgoingStreamXmlEnvironment));
        } catch (IOException e) {
            if (!closing) {
                notifyConnectionError(e);
            }
            throw new NotConnectedException("writing failed: " + e.getMessage());
        }
    }

    private InetSocketAddress serverAddress() throws IOException {
        InetAddress address = config.getHostAddress();
        if (address == null) {
            String name = config.getHost() != null ? config.getHost().toString() : config.getXMPPServiceDomain().toString();
            address = InetAddress.getByName(name);
        }
        return new InetSocketAddress(address, config.getPort().intValue());
    }

    private void restartParser(boolean keepUnread) throws IOException {
        XmppSocket current = socket;
        if (current == null) {
            return;
        }
        try {
            parser = current.restartParser(keepUnread);
        } catch (XmlPullParserException e) {
            throw new IOException(e);
        }
    }

    /**
     * The reader: waits for input outside the parser, then hands each top-level element to Smack, until the
     * server's {@code </stream:stream>} or the socket's end.
     */
    private void readStream() {
        XmppSocket current = socket;
        try {
            while (true) {
                if (!current.awaitInput()) {
                    throw new ServerClosedConnectionException("the server closed the connection");
                }
                XmlPullParser.Event event = parser.next();
                if (event == XmlPullParser.Event.START_ELEMENT) {
                    element(current);
                    current.shrinkParser();
                } else if (event == XmlPullParser.Event.END_ELEMENT && isStreamEnd()) {
                    closingStreamReceived = true;
                    notifyWaitingThreads();
                    if (closing) {
                        return;
                    }
                    throw new ServerClosedConnectionException("the server closed the stream");
                } else if (event == XmlPullParser.Event.END_DOCUMENT) {
                    throw new ServerClosedConnectionException("the server closed the connection");
                }
            }
        } catch (Exception e) {
            if (!closing) {
                notifyConnectionError(e instanceof EOFException
                        ? new ServerClosedConnectionException("the server closed the connection", e) : e);
            }
        }
    }

    private boolean isStreamEnd() {
        return "stream".equals(parser.getName()) && STREAMS_NAMESPACE.equals(parser.getNamespace());
    }

    private void element(XmppSocket current) throws Exception {
        switch (parser.getName()) {
            case Message.ELEMENT, IQ.IQ_ELEMENT, Presence.ELEMENT -> parseAndProcessStanza(parser);
            case "stream" -> onStreamOpen(parser);
            case "error" -> throw new StreamErrorException(PacketParserUtils.parseStreamError(parser));
            case "features" -> parseFeaturesAndNotify(parser);
            case "proceed" -> {
                current.startTls(getXMPPServiceDomain().toString(), config.connectTimeoutMillis());
                restartParser(false);
                sendStreamOpen();
            }
            case "failure" -> {
                if (StartTls.NAMESPACE.equals(parser.getNamespace())) {
                    throw new SmackException.SecurityNotPossibleException("the server refused STARTTLS");
                }
                parseAndProcessNonza(parser);
            }
            case SaslNonza.Success.ELEMENT -> {
                parseAndProcessNonza(parser);
                // after SASL success the server starts a new stream: a new document, keeping what already arrived
                restartParser(true);
            }
            default -> parseAndProcessNonza(parser);
        }
    }
}
