import io.amoc.scenario.AmocConfig;
import io.amoc.scenario.Scenario;
import io.amoc.xmpp.Xmpp;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Each user logs in, shows itself to an observer (directed presence to config key {@code observer_jid}) and sleeps
 * until it is removed; its finally block disconnects as any scenario's would.
 */
public class StaysOnlineUntilRemoved implements Scenario<Void> {

    @Override
    public void start(long userId, Void state) throws Exception {
        AbstractXMPPConnection connection = Xmpp.connect(userId);
        try {
            connection.sendStanza(connection.getStanzaFactory().buildPresenceStanza()
                    .to(JidCreate.from(AmocConfig.get("observer_jid", ""))).build());
            Thread.sleep(Long.MAX_VALUE);
        } finally {
            Xmpp.disconnect(connection);
        }
    }
}
