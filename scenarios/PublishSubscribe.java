import io.amoc.scenario.AmocConfig;
import io.amoc.scenario.AmocMetrics;
import io.amoc.scenario.Scenario;
import io.amoc.xmpp.TimedPubSub;
import io.amoc.xmpp.Xmpp;
import org.jivesoftware.smack.AbstractXMPPConnection;

/**
 * Publish-subscribe with notification time (XEP-0060 on pubsub.<xmpp_domain>, as amoc's pubsub scenarios).
 *
 * Users come in groups of one publisher and pubsub_subscribers_per_node subscribers, by id: with 10 subscribers per
 * node, user 1 publishes to node <pubsub_node_prefix>1 and users 2..11 subscribe to it, user 12 publishes to node 2
 * and users 13..22 follow it, and so on (110 users: 10 publishers, 100 subscribers). A publisher creates its node,
 * waits until its subscribers have arrived (at most pubsub_wait ms), then publishes pubsub_items items
 * pubsub_item_interval ms apart. A subscriber subscribes (waiting
 * for the node to exist) and stays until it was notified of pubsub_items items. Each item carries its publish time:
 * each notification records amoc.times.pubsub_notification_ttd.
 *
 * Counters: pubsub_items_published, pubsub_notifications_received (a full run: published * subscribers per node),
 * pubsub_subscribers_missing (a publisher gave up waiting for them) and pubsub_notifications_missing (items a
 * subscriber had not been notified of when it gave up).
 *
 * Parameters (config keys, with their defaults):
 *   pubsub_subscribers_per_node = 10      subscribers in each publisher's group
 *   pubsub_items                = 3       items each publisher publishes per iteration
 *   pubsub_item_interval        = 500     ms between two items of a publisher
 *   pubsub_wait                 = 30000   ms a user waits for the others
 *   pubsub_node_prefix          = "amoc-node-"
 */
public class PublishSubscribe implements Scenario<Void> {

    private static final long POLL_MS = 20;
    private static final long SUBSCRIBER_POLL_MS = 200;

    @Override
    public void start(long userId, Void state) throws Exception {
        long subscribers = AmocConfig.get("pubsub_subscribers_per_node", 10L);
        long items = AmocConfig.get("pubsub_items", 3L);
        long patience = AmocConfig.get("pubsub_wait", 30_000L);
        String prefix = AmocConfig.get("pubsub_node_prefix", "amoc-node-");

        // 1. Log in; available presence is what makes the server deliver notifications to this session.
        AbstractXMPPConnection connection = Xmpp.connect(userId);
        try (TimedPubSub pubsub = TimedPubSub.on(connection)) {
            Xmpp.sendPresence(connection);
            String node = prefix + ((userId - 1) / (subscribers + 1) + 1);
            if ((userId - 1) % (subscribers + 1) == 0) {
                publish(pubsub, node, subscribers, items, patience);
            } else {
                // 2b. A subscriber: follow the group's node and wait for its items.
                pubsub.subscribe(node);
                if (!waitUntil(() -> pubsub.notifications() >= items, patience)) {
                    AmocMetrics.count("pubsub_notifications_missing", items - pubsub.notifications());
                }
            }
        } finally {
            Xmpp.disconnect(connection);
        }
    }

    /** 2a. A publisher: its node, its subscribers, then its stamped items. */
    private static void publish(TimedPubSub pubsub, String node, long subscribers, long items, long patience)
            throws Exception {
        long interval = AmocConfig.get("pubsub_item_interval", 500L);
        pubsub.create(node);
        long deadline = System.nanoTime() + patience * 1_000_000;
        int arrived;
        while ((arrived = pubsub.subscribers(node)) < subscribers) {   // asks the server: not too often
            if (System.nanoTime() > deadline) {
                AmocMetrics.count("pubsub_subscribers_missing", subscribers - arrived);
                break;
            }
            Thread.sleep(SUBSCRIBER_POLL_MS);
        }
        for (long i = 0; i < items; i++) {
            if (i > 0) {
                Thread.sleep(interval);
            }
            pubsub.publish(node);
        }
    }

    private static boolean waitUntil(java.util.function.BooleanSupplier condition, long millis)
            throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL_MS);
        }
        return true;
    }
}
