import io.amoc.scenario.AmocConfig;
import io.amoc.scenario.Scenario;
import io.amoc.xmpp.Xmpp;
import org.jivesoftware.smack.AbstractXMPPConnection;

/**
 * Idle sessions: how many logged-in users can the server (and amoc) hold?
 *
 * Each user logs in as user_<id>, says it is available, and then does nothing but keep its connection
 * open: for idle_time ms (default infinity, i.e. until the user is removed with local.remove(N, force=true)).
 * Watch amoc.counters.connections, amoc.times.connection and the server's memory while adding users.
 */
public class IdleSessions implements Scenario<Void> {

    @Override
    public void start(long userId, Void state) throws Exception {
        long idleTime = AmocConfig.get("idle_time", Long.MAX_VALUE);   // "infinity" reads as Long.MAX_VALUE

        AbstractXMPPConnection connection = Xmpp.connect(userId);
        try {
            Xmpp.sendPresence(connection);
            Thread.sleep(idleTime);   // a sleeping virtual thread costs no carrier thread
        } finally {
            Xmpp.disconnect(connection);
        }
    }
}
