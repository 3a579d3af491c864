import io.amoc.scenario.Scenario;
import io.amoc.xmpp.TimedMessages;
import io.amoc.xmpp.Xmpp;
import org.jivesoftware.smack.AbstractXMPPConnection;

/** Each user logs in, records the stamped messages it receives, becomes available and stays until removed. */
public class ListensForStampedMessages implements Scenario<Void> {

    @Override
    public void start(long userId, Void state) throws Exception {
        AbstractXMPPConnection connection = Xmpp.connect(userId);
        try {
            TimedMessages.on(connection);
            Xmpp.sendPresence(connection);   // a server delivers stored messages after the first available presence
            Thread.sleep(Long.MAX_VALUE);
        } finally {
            Xmpp.disconnect(connection);
        }
    }
}
