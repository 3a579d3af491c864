import io.amoc.scenario.Scenario;
import io.amoc.xmpp.Contacts;
import io.amoc.xmpp.Xmpp;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.PresenceTypeFilter;
import org.jxmpp.jid.EntityBareJid;

/**
 * Rosters: add a contact and time the presence subscription round trip (RFC 6121, as amoc's roster scenarios).
 *
 * Users work in pairs (1 with 2, 3 with 4, ...). The even user approves every request; the odd user adds the even
 * one to its roster and asks for its presence; the time from the request to the approval is
 * amoc.times.roster_subscription. The odd user then removes the contact again (so the next run starts from empty
 * rosters), and the even user stays online until that removal reached it (at most xmpp_timeout).
 *
 * Counters: roster_subscriptions. A request not approved within xmpp_timeout fails the user
 * (StanzaTimeoutException, counted in user_failures).
 */
public class RosterSubscriptions implements Scenario<Void> {

    @Override
    public void start(long userId, Void state) throws Exception {
        boolean asks = userId % 2 == 1;
        EntityBareJid partner = Xmpp.jid(asks ? userId + 1 : userId - 1);

        AbstractXMPPConnection connection = Xmpp.connect(userId);
        try {
            if (asks) {
                Xmpp.sendPresence(connection);
                // 1. Add the partner and wait for its approval: one timed round trip through the server.
                Contacts.add(connection, partner);
                // 2. Remove it again: both subscriptions end, and the partner hears of it.
                Contacts.remove(connection, partner);
            } else {
                // 1. Approve whoever asks, before being available (a waiting request arrives with our presence).
                Contacts.acceptRequests(connection);
                try (StanzaCollector removed = connection.createStanzaCollector(new AndFilter(
                        PresenceTypeFilter.UNSUBSCRIBE, FromMatchesFilter.createBare(partner)))) {
                    Xmpp.sendPresence(connection);
                    // 2. Stay until the partner has removed us again.
                    removed.nextResult(connection.getReplyTimeout());
                }
            }
        } finally {
            Xmpp.disconnect(connection);
        }
    }
}
