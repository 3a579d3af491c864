import io.amoc.scenario.AmocConfig;
import io.amoc.scenario.AmocMetrics;
import io.amoc.scenario.Scenario;
import io.amoc.xmpp.Xmpp;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.packet.Message;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The benchmark's chat workload, as Tsung's {@code <jabber type="chat" destination="online" size="S"/>} does it:
 * each user logs in, sends presence, stays idle for {@code bench_idle_ms}, then sends {@code bench_messages} chat
 * messages of {@code bench_message_size} random characters, one every {@code bench_interval_ms}, each to a random
 * user among {@code 1..bench_users} (all online by then), and logs out.
 */
public class ChatToOnlineUsers implements Scenario<Void> {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    @Override
    public void start(long userId, Void state) throws Exception {
        long users = AmocConfig.get("bench_users", 1000L);
        long messages = AmocConfig.get("bench_messages", 6L);
        long interval = AmocConfig.get("bench_interval_ms", 10_000L);
        int size = AmocConfig.get("bench_message_size", 16);
        AbstractXMPPConnection connection = Xmpp.connect(userId);
        try {
            Xmpp.sendPresence(connection);
            Thread.sleep(AmocConfig.get("bench_idle_ms", 40_000L));
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (long i = 0; i < messages; i++) {
                Thread.sleep(interval);
                long to = 1 + random.nextLong(users);
                connection.sendStanza(connection.getStanzaFactory().buildMessageStanza()
                        .to(Xmpp.jid(to)).ofType(Message.Type.chat).setBody(text(random, size)).build());
                AmocMetrics.count("bench_messages_sent");
            }
        } finally {
            Xmpp.disconnect(connection);
        }
    }

    private static String text(ThreadLocalRandom random, int size) {
        char[] chars = new char[size];
        for (int i = 0; i < size; i++) {
            chars[i] = LETTERS.charAt(random.nextInt(LETTERS.length()));
        }
        return new String(chars);
    }
}
