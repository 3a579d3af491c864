package io.amoc.xmpp;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;

import java.time.Duration;

/**
 * Retries an action that fails while another user has not done its part yet: a room its creator has not
 * configured, a node its publisher has not created. Users of a load test start in any order; this lets them.
 */
final class Patience {

    private static final long PAUSE_MILLIS = 50;

    private Patience() {
    }

    /** An XMPP action that may fail because someone else is not ready. */
    @FunctionalInterface
    interface Action<T> {
        T run() throws SmackException, XMPPException, InterruptedException;
    }

    /**
     * Runs {@code action} until it succeeds, retrying while the server says {@code notYet} or asks to wait and try
     * again (an error of type {@code wait}, e.g. ejabberd's database conflict when many users create nodes at once);
     * after {@code timeout} the last such error is thrown.
     */
    static <T> T retry(Duration timeout, StanzaError.Condition notYet, Action<T> action)
            throws SmackException, XMPPException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return action.run();
            } catch (XMPPException.XMPPErrorException e) {
                StanzaError error = e.getStanzaError();
                boolean later = error.getCondition() == notYet || error.getType() == StanzaError.Type.WAIT;
                if (!later || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(PAUSE_MILLIS);
            }
        }
    }
}
