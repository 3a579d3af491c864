import io.amoc.scenario.AmocConfig;
import io.amoc.scenario.Scenario;
import io.amoc.xmpp.Xmpp;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jxmpp.jid.impl.JidCreate;

/** Each user logs in, shows itself to an observer (config key {@code observer_jid}) and ends without disconnecting. */
public class LeavesItsConnectionOpen implements Scenario<Void> {

    @Override
    public void start(long userId, Void state) throws Exception {
        AbstractXMPPConnection connection = Xmpp.connect(userId);
        connection.sendStanza(connection.getStanzaFactory().buildPresenceStanza()
                .to(JidCreate.from(AmocConfig.get("observer_jid", ""))).build());
    }
}
