import io.amoc.scenario.AmocConfig;
import io.amoc.scenario.Scenario;
import io.amoc.xmpp.TimedMessages;
import io.amoc.xmpp.Xmpp;
import org.jivesoftware.smack.AbstractXMPPConnection;

/**
 * Each user logs in, sends config stamped_messages stamped messages to user config stamped_recipient (who may be
 * offline: a server that stores messages keeps them for a later login) and logs out.
 */
public class SendsStampedMessages implements Scenario<Void> {

    @Override
    public void start(long userId, Void state) throws Exception {
        long recipient = AmocConfig.get("stamped_recipient", 1L);
        long count = AmocConfig.get("stamped_messages", 1L);
        AbstractXMPPConnection connection = Xmpp.connect(userId);
        try {
            TimedMessages messages = TimedMessages.on(connection);
            for (long i = 0; i < count; i++) {
                messages.send(Xmpp.jid(recipient));
            }
        } finally {
            Xmpp.disconnect(connection);
        }
    }
}
