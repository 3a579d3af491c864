package io.amoc.xmpp;

import io.amoc.scenario.AmocMetrics;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.OrFilter;
import org.jivesoftware.smack.filter.PresenceTypeFilter;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jxmpp.jid.BareJid;

import java.time.Duration;

/**
 * Rosters (RFC 6121, smack-im's {@link Roster}): a contact added with a presence subscription, timed from the
 * request to the contact's approval, and removed again.
 *
 * <pre>{@code
 * Contacts.acceptRequests(connection);                  // this user approves whoever asks
 * Contacts.add(connection, Xmpp.jid(peer));             // request, and wait for the peer's approval
 * Contacts.remove(connection, Xmpp.jid(peer));
 * }</pre>
 *
 * Metrics: {@code amoc.times.roster_subscription} (µs from the request to the approval) and
 * {@code amoc.counters.roster_subscriptions}.
 */
public final class Contacts {

    private static final long NANOS_PER_MICRO = 1_000;

    private Contacts() {
    }

    /** From now on this user approves every subscription request at once (Smack's roster answers for it). */
    public static void acceptRequests(XMPPConnection connection) {
        Roster.getInstanceFor(connection).setSubscriptionMode(Roster.SubscriptionMode.accept_all);
    }

    /**
     * Adds {@code contact} to this user's roster and asks for its presence; returns once the contact approved,
     * within {@code xmpp_timeout}. Approval is the contact's {@code subscribed} presence (ejabberd forwards it), or
     * the contact's own presence, which a server sends only to subscribers (Prosody sends that, and a roster push,
     * instead): so the contact must be online.
     *
     * @return the round trip in µs, also recorded in {@code roster_subscription}
     * @throws StanzaTimeoutException the contact did not approve in time
     */
    public static long add(XMPPConnection connection, BareJid contact)
            throws XMPPException, SmackException, InterruptedException, StanzaTimeoutException {
        Duration timeout = XmppSettings.fromConfig().timeout();
        long started = System.nanoTime();
        try (StanzaCollector approval = connection.createStanzaCollector(new AndFilter(
                FromMatchesFilter.createBare(contact), new OrFilter(PresenceTypeFilter.SUBSCRIBED,
                PresenceTypeFilter.AVAILABLE)))) {
            Roster.getInstanceFor(connection).createItemAndRequestSubscription(contact, contact.toString(), null);
            if (approval.nextResult(timeout.toMillis()) == null) {
                throw new StanzaTimeoutException("approval of the subscription to " + contact, timeout);
            }
        }
        long micros = (System.nanoTime() - started) / NANOS_PER_MICRO;
        AmocMetrics.time("roster_subscription", micros);
        AmocMetrics.count("roster_subscriptions");
        return micros;
    }

    /** Removes {@code contact} from this user's roster (and both subscriptions), if it is there. */
    public static void remove(XMPPConnection connection, BareJid contact)
            throws XMPPException, SmackException, InterruptedException {
        Roster roster = Roster.getInstanceFor(connection);
        if (!roster.isLoaded()) {
            roster.reloadAndWait();
        }
        RosterEntry entry = roster.getEntry(contact);
        if (entry != null) {
            roster.removeEntry(entry);
        }
    }
}
