package io.amoc.xmpp.transport;

import io.amoc.xmpp.ServerClosedConnectionException;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.XMPPException.StreamErrorException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StartTls;
import org.jivesoftware.smack.sasl.packet.SaslNonza;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;

import java.io.IOException;

/**
 * The incoming side of a {@link LeanConnection}'s stream: parses the whole elements its {@link StreamInput} holds
 * and hands each to Smack (stanzas, stream features, SASL and other nonzas), handles what the transport owns
 * itself ({@code <proceed/>}, stream errors, the stream's end), and keeps what the login waits for. Whoever reads
 * the socket calls it: the thread logging in, then a shared reader or a TLS connection's reader, one at a time.
 */
final class LeanStream {

    private static final String STREAMS_NAMESPACE = "http://etherx.jabber.org/streams";

    private final LeanConnection connection;
    private final StreamInput input;
    private final CompactXmlParser parser = new CompactXmlParser();
    private volatile boolean saslEnded;
    private volatile boolean featuresAfterSasl;
    private volatile String awaitedAnswer;
    private volatile boolean answered;
    /** Parsing pauses after the next stream features (login thread). */
    private boolean stopAfterFeatures;

    LeanStream(LeanConnection connection, StreamInput input) {
        this.connection = connection;
        this.input = input;
    }

    /** A new connection: a new document, nothing awaited. */
    void reset() throws IOException {
        saslEnded = false;
        featuresAfterSasl = false;
        awaitedAnswer = null;
        answered = false;
        stopAfterFeatures = false;
        restart(false);
    }

    /** A new stream (after STARTTLS or SASL); {@code keepUnread}: chars parsed ahead stay in front. */
    void restart(boolean keepUnread) throws IOException {
        try {
            parser.restart(input, keepUnread);
        } catch (org.jivesoftware.smack.xml.XmlPullParserException e) {
            throw new IOException(e);
        }
    }

    boolean hasWholeElements() {
        return parser.hasBufferedInput() || input.hasCompleteElement();
    }

    /**
     * Parses and hands on every whole element there is.
     *
     * @throws StreamErrorException            the server's stream error
     * @throws ServerClosedConnectionException the server ended the stream while this side had not asked for it
     */
    void parseWholeElements() throws Exception {
        if (!hasWholeElements()) {
            return;
        }
        parser.ensureBuffers();
        try {
            parseEach();
        } finally {
            parser.release();
        }
    }

    private void parseEach() throws Exception {
        while (hasWholeElements()) {
            XmlPullParser.Event event = parser.forSmack().next();
            if (event == XmlPullParser.Event.START_ELEMENT) {
                boolean pauses = stopAfterFeatures && "features".equals(parser.forSmack().getName());
                element();
                parser.shrink();
                if (pauses) {
                    stopAfterFeatures = false;
                    return;
                }
            } else if (event == XmlPullParser.Event.END_ELEMENT && isStreamEnd()) {
                if (connection.streamClosedByServer()) {
                    return;
                }
                throw new ServerClosedConnectionException("the server closed the stream");
            } else if (event == XmlPullParser.Event.END_DOCUMENT) {
                throw new ServerClosedConnectionException("the server closed the connection");
            }
        }
    }

    /**
     * The next stream features end a parse: what follows them (the answer to a request sent ahead of them) waits
     * for the next, when the login has begun to wait for it.
     */
    void stopAfterFeatures() {
        stopAfterFeatures = true;
    }

    /** Stream features arrived; after a successful SASL exchange they let the login go on to binding. */
    void featuresArrived(boolean saslDone) {
        // Smack's SASL state outlives a connection (it is reset at the next authentication, after the first
        // features of a new connection): only a success on this stream makes these the features after SASL.
        if (saslDone && saslEnded) {
            featuresAfterSasl = true;
        }
    }

    boolean featuresAfterSasl() {
        return featuresAfterSasl;
    }

    boolean saslEnded() {
        return saslEnded;
    }

    /** The login sent IQ {@code id} and reads until its answer. */
    void awaitAnswerTo(String id) {
        answered = false;
        awaitedAnswer = id;
    }

    boolean answered() {
        return answered;
    }

    /** A stanza arrived (before Smack sees it): the answer the login waits for? */
    void arrived(Stanza stanza) {
        String awaited = awaitedAnswer;
        if (awaited != null && stanza instanceof IQ iq && !iq.isRequestIQ() && awaited.equals(iq.getStanzaId())) {
            awaitedAnswer = null;
            answered = true;
        }
    }

    private boolean isStreamEnd() {
        XmlPullParser view = parser.forSmack();
        return "stream".equals(view.getName()) && STREAMS_NAMESPACE.equals(view.getNamespace());
    }

    private void element() throws Exception {
        XmlPullParser view = parser.forSmack();
        switch (view.getName()) {
            case Message.ELEMENT, IQ.IQ_ELEMENT, Presence.ELEMENT -> connection.stanzaReceived(view);
            case "stream" -> connection.streamOpened(view);
            case "error" -> throw new StreamErrorException(PacketParserUtils.parseStreamError(view));
            case "features" -> connection.featuresReceived(view);
            case "proceed" -> connection.proceedWithTls();
            case "failure" -> {
                if (StartTls.NAMESPACE.equals(view.getNamespace())) {
                    throw new SmackException.SecurityNotPossibleException("the server refused STARTTLS");
                }
                connection.nonzaReceived(view);
                saslEnded = true;
            }
            case SaslNonza.Success.ELEMENT -> {
                connection.nonzaReceived(view);
                saslEnded = true;
                // after SASL success the server starts a new stream: a new document, framed from its opening tag
                restart(true);
                input.restartStream();
            }
            default -> connection.nonzaReceived(view);
        }
    }

    /** Throws {@code failure} as one of the exceptions a Smack login declares. */
    static void rethrow(Exception failure) throws XMPPException, SmackException, IOException, InterruptedException {
        if (failure instanceof XMPPException e) {
            throw e;
        }
        if (failure instanceof SmackException e) {
            throw e;
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof InterruptedException e) {
            throw e;
        }
        throw new SmackException.SmackWrappedException(failure);
    }
}
