package io.amoc.xmpp;

import io.amoc.engine.UserLinks;
import io.amoc.scenario.AmocMetrics;
import io.amoc.xmpp.transport.LeanConnection;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException.StreamErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A connection opened by {@link Xmpp#connect} as part of its user, as an Erlang process is linked to its socket: it
 * closes when the user ends or is removed by force, and when the server ends it after login (it closed the stream or
 * the socket, a stream error such as {@code conflict}, a network error) the loss is counted in
 * {@code connection_lost} and either fails the user at once with the server's condition and text, or, with
 * {@code xmpp_reconnect = true}, logs in again in the background ({@link Reconnection}), counted in
 * {@code reconnects}; a session that had sent available presence sends it again.
 */
final class LinkedConnection implements ConnectionListener {

    private static final Logger LOG = LoggerFactory.getLogger(LinkedConnection.class);
    /**
     * Each open connection's link, for {@link Xmpp#sendPresence} and {@link Xmpp#disconnect}; removed as it closes
     * (a user's connections all close when it ends).
     */
    private static final Map<XMPPConnection, LinkedConnection> OPEN = new ConcurrentHashMap<>();
    /**
     * Connections amoc closed at once (a forced removal): a scenario's own {@link Xmpp#disconnect} afterwards must not
     * log out politely while Smack's tcp transport still closes on its own thread. Weak: forgotten with the connection.
     */
    private static final Set<XMPPConnection> CLOSED_AT_ONCE = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    private final AbstractXMPPConnection connection;
    private final String username;
    private final UserLinks.Link link;
    /** The user or amoc closed it: whatever the connection reports next is no loss. */
    private volatile boolean closedHere;
    private volatile boolean presenceSent;
    /**
     * A loss is being taken up (failing the user, or reconnecting): a second report of it is the same loss (a lean
     * connection's send and Smack's listeners both report one).
     */
    private final AtomicBoolean lossTakenUp = new AtomicBoolean();
    private volatile Thread reconnection;

    private LinkedConnection(AbstractXMPPConnection connection, String username) {
        this.connection = connection;
        this.username = username;
        this.link = UserLinks.link(connection, this::closeNow);
    }

    /** Links a connection about to log in to the calling user. */
    static LinkedConnection open(AbstractXMPPConnection connection, String username) {
        LinkedConnection linked = new LinkedConnection(connection, username);
        OPEN.put(connection, linked);
        return linked;
    }

    /** The link of a connection {@link #open} made, while it is open. */
    static Optional<LinkedConnection> of(XMPPConnection connection) {
        return Optional.ofNullable(OPEN.get(connection));
    }

    /**
     * The login succeeded: from now on a loss counts, as soon as it is seen: a send that finds the connection lost
     * reports it before it throws, so that the user fails as having lost its connection, not with the send's error.
     */
    void loggedIn() {
        connection.addConnectionListener(this);
        if (connection instanceof LeanConnection lean) {
            lean.onLossSeenBySender(this::connectionClosedOnError);
        }
    }

    /** The session sent available presence: a reconnected session sends it again. */
    void presenceSent() {
        presenceSent = true;
    }

    /** The user closes the connection itself ({@link Xmpp#disconnect}): no more reconnecting, and nothing to close at its end. */
    void closedByUser() {
        closedHere = true;
        stopReconnecting();
        link.unlink();
        OPEN.remove(connection);
    }

    /** Closes the socket at once (the user ends, is removed by force, or failed): no presence, no {@code </stream>}. */
    void closeNow() {
        CLOSED_AT_ONCE.add(connection);
        closedHere = true;
        stopReconnecting();
        link.unlink();
        OPEN.remove(connection);
        closeNow(connection);
    }

    /** True when amoc closed {@code connection} at once: nothing is left to close politely. */
    static boolean closedAtOnce(XMPPConnection connection) {
        return CLOSED_AT_ONCE.contains(connection);
    }

    /** Smack's {@code XMPPTCPConnection} closes under its monitor, which a login may hold: closed on its own thread. */
    static void closeNow(AbstractXMPPConnection connection) {
        if (connection instanceof LeanConnection) {
            connection.instantShutdown();
        } else {
            Thread.startVirtualThread(connection::instantShutdown);
        }
    }

    @Override
    public void connectionClosedOnError(Exception e) {
        if (closedHere || !lossTakenUp.compareAndSet(false, true)) {
            return;
        }
        AmocMetrics.count("connection_lost");
        if (Reconnection.enabled()) {
            reconnection = Thread.ofVirtual().name("xmpp-reconnect-" + username).start(this::reconnect);
            return;
        }
        OPEN.remove(connection);
        link.fail(new ConnectionLostException(username, reason(e), e, link.scenarioFrame()));
    }

    /** Why a session ended: the server's condition and text for a stream error, else what happened. */
    static String reason(Exception e) {
        if (e instanceof StreamErrorException streamError) {
            return Xmpp.describe(streamError);
        }
        if (e instanceof ServerClosedConnectionException) {
            return e.getMessage();
        }
        if (e instanceof IOException) {
            return "network error (" + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()) + ")";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /**
     * Logs in again after the backoff, until it works or the connection is closed here. A loss that comes while this
     * one is still taken up ({@code lossTakenUp}) is taken up once that is lowered.
     */
    private void reconnect() {
        try {
            while (true) {
                for (int attempt = 0; !closedHere && !loggedInAgain(attempt); attempt++) {
                    LOG.debug("{} could not reconnect yet (attempt {})", username, attempt + 1);
                }
                if (closedHere) {
                    return;
                }
                AmocMetrics.count("reconnects");
                resendPresence();
                lossTakenUp.set(false);
                if (closedHere || connection.isAuthenticated() || !lossTakenUp.compareAndSet(false, true)) {
                    return;
                }
                AmocMetrics.count("connection_lost");
            }
        } catch (InterruptedException stopped) {
            lossTakenUp.set(false);
        } finally {
            if (closedHere) {
                closeNow(connection);
            }
        }
    }

    private void resendPresence() throws InterruptedException {
        if (!presenceSent) {
            return;
        }
        try {
            Xmpp.sendPresence(connection);
        } catch (org.jivesoftware.smack.SmackException.NotConnectedException lostAgain) {
            LOG.debug("{} lost its connection again at once", username);
        }
    }

    /** One attempt, after the backoff and this node's turn; false when it failed. */
    private boolean loggedInAgain(int attempt) throws InterruptedException {
        Thread.sleep(Reconnection.delayMillis(attempt, ThreadLocalRandom.current()));
        Reconnection.awaitTurn();
        if (closedHere) {
            return false;
        }
        try {
            if (!connection.isConnected()) {
                connection.connect();
            }
            connection.login();
            return true;
        } catch (org.jivesoftware.smack.SmackException | IOException | org.jivesoftware.smack.XMPPException e) {
            connection.instantShutdown();
            return false;
        }
    }

    private void stopReconnecting() {
        Thread running = reconnection;
        if (running != null && running != Thread.currentThread()) {
            running.interrupt();
        }
    }
}
