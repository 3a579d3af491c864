package io.amoc.xmpp.transport;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;

import javax.net.ssl.SSLSession;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * SASL for a {@link LeanConnection}. Smack's SASL exchange waits on a monitor that only a SASL answer wakes, so a
 * stream error instead of the answer (e.g. {@code <policy-violation/>} from a server that bans an address after
 * failed logins) would hold the login for the whole reply timeout. Here the exchange runs on a helper virtual
 * thread while the login waits the way the rest of Smack's waits do: for the exchange to end, or for the
 * connection's error, whichever comes first.
 */
final class LeanLogin {

    private final LeanConnection connection;
    private volatile boolean featuresAfterSasl;
    private volatile Thread exchange;

    LeanLogin(LeanConnection connection) {
        this.connection = connection;
    }

    /** Authenticates with the mechanism Smack selects; a stream error or a closed connection ends it at once. */
    void authenticate(String username, String password, SSLSession tls)
            throws XMPPException, SmackException, IOException, InterruptedException {
        featuresAfterSasl = false;
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread helper = Thread.ofVirtual().unstarted(() -> {
            try {
                connection.authenticateWithSmack(username, password, tls);
            } catch (Exception e) {
                failure.set(e);
            } finally {
                done.set(true);
                connection.wakeWaiters();
            }
        });
        exchange = helper;
        helper.start();
        try {
            connection.awaitOrThrow(done::get, "the SASL exchange");
        } finally {
            exchange = null;
            if (!done.get()) {
                helper.interrupt();
            }
        }
        rethrow(failure.get());
    }

    /** Stream features arrived; after a successful SASL exchange they let the login go on to binding. */
    void featuresArrived(boolean saslDone) {
        if (saslDone) {
            featuresAfterSasl = true;
            connection.wakeWaiters();
        }
    }

    boolean featuresReceived() {
        return featuresAfterSasl;
    }

    /** The connection closes: a SASL exchange in progress ends. */
    void abandon() {
        Thread helper = exchange;
        if (helper != null) {
            helper.interrupt();
        }
    }

    private static void rethrow(Exception failure)
            throws XMPPException, SmackException, IOException, InterruptedException {
        if (failure == null) {
            return;
        }
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
