package io.amoc.xmpp;

import io.amoc.engine.UserLinks;
import io.amoc.scenario.AmocMetrics;
import io.amoc.xmpp.transport.LeanConnection;
import io.amoc.xmpp.transport.SmackSetup;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.XMPPException.StreamErrorException;
import org.jivesoftware.smack.filter.StanzaFilter;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Mechanisms;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StreamError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

import java.io.IOException;
import java.time.Duration;

/**
 * Smack for amoc scenarios: log in as user N, send presence, wait for a stanza, disconnect.
 * What these return are plain Smack objects, so a scenario can use any Smack API on them.
 *
 * <pre>{@code
 * AbstractXMPPConnection connection = Xmpp.connect(userId);   // user_<id> / password_<id> on localhost
 * try {
 *     Xmpp.sendPresence(connection);
 *     Message reply = (Message) Xmpp.waitFor(connection, stanza -> stanza instanceof Message, Duration.ofSeconds(5));
 * } finally {
 *     Xmpp.disconnect(connection);
 * }
 * }</pre>
 *
 * Metrics: {@code amoc.times.connection} (µs from opening the socket to a bound resource),
 * {@code amoc.counters.connections} (successful logins) and {@code amoc.counters.connection_failures}.
 *
 * <p>A connection belongs to the user that opened it: a user removed by force has its connections closed at once
 * (no presence, no {@code </stream>}), and a user that ends closes what it left open. When the server ends a session
 * after login (it closed the stream or the socket, a stream error such as {@code conflict}, a network error), the
 * loss is counted in {@code amoc.counters.connection_lost} and the user fails at once with the server's condition
 * and text (its thread is interrupted), or, with config {@code xmpp_reconnect = true}, the connection logs in again
 * in the background (counted in {@code amoc.counters.reconnects}).
 */
public final class Xmpp {

    private static final long MICROS_PER_NANO = 1_000;
    private static final String NO_MECHANISM = "No supported and enabled SASL Mechanism";

    static {
        SmackSetup.apply();   // before any Smack class initialises
    }

    private Xmpp() {
    }

    /** Connects and logs in as amoc user {@code userId} with the configured {@link XmppSettings#fromConfig()}. */
    public static AbstractXMPPConnection connect(long userId) throws XmppLoginException, InterruptedException {
        return connect(userId, XmppSettings.fromConfig());
    }

    /**
     * Connects and logs in as amoc user {@code userId} with {@code settings}.
     *
     * @throws XmppLoginException   the server refused the credentials or the SASL mechanism, could not be reached,
     *                              ended the stream with an error, or did not answer in time; already counted in
     *                              {@code connection_failures}
     * @throws InterruptedException the user was removed while connecting (the half-open connection is closed;
     *                              not counted as a failure)
     */
    public static AbstractXMPPConnection connect(long userId, XmppSettings settings)
            throws XmppLoginException, InterruptedException {
        long started = System.nanoTime();
        AbstractXMPPConnection connection = null;
        LinkedConnection linked = null;
        try {
            connection = ConnectionFactory.create(userId, settings);
            linked = LinkedConnection.open(connection, settings.username(userId));
            if (connection instanceof LeanConnection lean) {
                lean.connectAndLogin(settings.username(userId), settings.password(userId));
            } else {
                connection.connect().login();
            }
        } catch (SmackException | IOException | XMPPException e) {
            String reason = reason(e, connection, settings, userId);
            AmocMetrics.count("connection_failures");
            if (linked != null) {
                linked.closeNow();
            }
            throw new XmppLoginException(userId, settings.username(userId), reason, e);
        } catch (InterruptedException e) {
            if (linked != null) {
                linked.closeNow();   // removed while logging in: not the server's failure
            }
            throw e;
        }
        linked.loggedIn();
        AmocMetrics.time("connection", (System.nanoTime() - started) / MICROS_PER_NANO);
        AmocMetrics.count("connections");
        return connection;
    }

    /**
     * Sends available presence (Smack's login does not, so that scenarios decide); a connection that reconnects
     * ({@code xmpp_reconnect}) sends it again.
     */
    public static void sendPresence(XMPPConnection connection)
            throws SmackException.NotConnectedException, InterruptedException {
        LinkedConnection.of(connection).ifPresent(LinkedConnection::presenceSent);
        connection.sendStanza(connection.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.available).build());
    }

    /**
     * Waits up to {@code timeout} for the next incoming stanza that {@code filter} accepts, e.g.
     * {@code stanza -> stanza instanceof Message} or Smack's {@code MessageWithBodiesFilter.INSTANCE}.
     * Only stanzas arriving after the call count; to catch an answer to something you send, open a Smack
     * {@link StanzaCollector} with {@code connection.createStanzaCollector(filter)} before sending.
     *
     * @throws StanzaTimeoutException nothing matching arrived in time
     */
    public static Stanza waitFor(XMPPConnection connection, StanzaFilter filter, Duration timeout)
            throws StanzaTimeoutException, InterruptedException {
        try (StanzaCollector collector = connection.createStanzaCollector(filter)) {
            Stanza stanza = collector.nextResult(timeout.toMillis());
            if (stanza == null) {
                throw new StanzaTimeoutException("stanza matching " + filter, timeout);
            }
            return stanza;
        }
    }

    /** The bare JID of amoc user {@code userId} under the configured settings, e.g. {@code user_7@localhost}. */
    public static EntityBareJid jid(long userId) {
        return jid(userId, XmppSettings.fromConfig());
    }

    /** The bare JID of amoc user {@code userId} under {@code settings}. */
    public static EntityBareJid jid(long userId, XmppSettings settings) {
        try {
            return JidCreate.entityBareFrom(settings.username(userId) + "@" + settings.domain());
        } catch (XmppStringprepException e) {
            throw new XmppConfigException("xmpp_username_pattern", settings.usernamePattern(),
                    "a pattern giving a valid JID local part (" + e.getMessage() + ")");
        }
    }

    /**
     * Closes the stream politely (unavailable presence, {@code </stream>}, waiting briefly for the server's
     * {@code </stream>}); safe to call twice or on null. On a thread that is interrupted, the socket closes at once
     * instead. (A user removed by force needs no call: its connections closed when it was removed.)
     */
    public static void disconnect(AbstractXMPPConnection connection) {
        if (connection == null) {
            return;
        }
        LinkedConnection.of(connection).ifPresent(LinkedConnection::closedByUser);
        UserLinks.unlink(connection);
        if (!connection.isConnected() || LinkedConnection.closedAtOnce(connection)) {
            return;
        }
        if (Thread.currentThread().isInterrupted()) {
            LinkedConnection.closeNow(connection);
        } else {
            connection.disconnect();
        }
    }

    /** A stream error as the server gave it: its condition, and its text when it has one. */
    static String describe(StreamErrorException streamError) {
        StreamError error = streamError.getStreamError();
        String text = error.getDescriptiveText();
        return error.getCondition() + (text == null || text.isBlank() ? "" : ": " + text.strip());
    }

    private static String reason(Exception e, AbstractXMPPConnection connection, XmppSettings settings, long userId) {
        String server = settings.serverFor(userId).getHostString() + ":" + settings.serverFor(userId).getPort();
        if (e instanceof StreamErrorException streamError) {
            return describe(streamError);
        }
        if (e instanceof SASLErrorException sasl) {
            return "the server refused the credentials (" + sasl.getSASLFailure().getSASLErrorString() + ")";
        }
        if (e instanceof SmackException.SmackSaslException && e.getMessage().startsWith(NO_MECHANISM)) {
            Mechanisms offered = connection == null ? null : connection.getFeature(Mechanisms.class);
            return "the server does not offer SASL " + settings.sasl().trim() + " (it offers "
                    + (offered == null ? "none" : String.join(", ", offered.getMechanisms())) + ")";
        }
        if (e instanceof SmackException.SmackSaslException || e instanceof ServerClosedConnectionException) {
            return e.getMessage();
        }
        if (e instanceof SmackException.NoResponseException) {
            return "no answer from " + server + " within " + settings.timeout().toMillis() + " ms";
        }
        if (e instanceof SmackException.EndpointConnectionException || e instanceof IOException) {
            return "cannot reach " + server + " (" + e.getMessage() + ")";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
