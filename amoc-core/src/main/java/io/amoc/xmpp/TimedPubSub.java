package io.amoc.xmpp;

import io.amoc.engine.CurrentRun;
import io.amoc.scenario.AmocMetrics;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.pubsub.Item;
import org.jivesoftware.smackx.pubsub.LeafNode;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.jivesoftware.smackx.pubsub.SimplePayload;
import org.jivesoftware.smackx.pubsub.listener.ItemEventListener;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publish-subscribe (XEP-0060, smack-extensions' {@link PubSubManager}) on {@code pubsub.<xmpp_domain>}, with the
 * time from publishing an item to each subscriber's notification: every published item's payload is
 * {@link TimedMessages}' stamp, and each subscriber records it when notified.
 *
 * <pre>{@code
 * TimedPubSub pubsub = TimedPubSub.on(connection);
 * pubsub.create("news-1");                 // a publisher: its node (created once, kept by the server)
 * pubsub.publish("news-1");                // a stamped item
 * pubsub.subscribe("news-1");              // a subscriber: waits until the node exists, then times notifications
 * pubsub.close();                          // ends the subscriptions
 * }</pre>
 *
 * Metrics: {@code amoc.counters.pubsub_items_published}, {@code amoc.counters.pubsub_notifications_received} and
 * {@code amoc.times.pubsub_notification_ttd} (µs).
 */
public final class TimedPubSub implements AutoCloseable {

    private static final String SERVICE_PREFIX = "pubsub.";

    private final XMPPConnection connection;
    /** The run of the user that made this: an item stamped by another run is stale. */
    private final CurrentRun run = CurrentRun.ofThisUser();
    private final PubSubManager service;
    private final List<Subscribed> subscribed = new CopyOnWriteArrayList<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong notified = new AtomicLong();

    private record Subscribed(LeafNode node, ItemEventListener<Item> listener) {
    }

    private TimedPubSub(XMPPConnection connection, PubSubManager service) {
        this.connection = connection;
        this.service = service;
    }

    /** Publish-subscribe for this user on {@code pubsub.<xmpp_domain>}. */
    public static TimedPubSub on(XMPPConnection connection) {
        String domain = SERVICE_PREFIX + XmppSettings.fromConfig().domain();
        try {
            BareJid address = JidCreate.bareFrom(domain);
            return new TimedPubSub(connection, PubSubManager.getInstanceFor(connection, address));
        } catch (XmppStringprepException e) {
            throw new XmppConfigException("xmpp_domain", domain, "a valid domain (" + e.getMessage() + ")");
        }
    }

    /**
     * Creates the node {@code node} (owned by this user) unless it exists already; retried while the server asks to
     * wait, up to {@code xmpp_timeout}.
     */
    public void create(String node) throws XMPPException, SmackException, InterruptedException {
        Patience.retry(XmppSettings.fromConfig().timeout(), StanzaError.Condition.conflict,
                () -> service.getOrCreateLeafNode(node));
    }

    /**
     * Subscribes this user to {@code node}, waiting up to {@code xmpp_timeout} for its publisher to create it, and
     * times every item published there from now on. Needs available presence to be notified.
     */
    public void subscribe(String node) throws XMPPException, SmackException, InterruptedException {
        LeafNode leaf = Patience.retry(XmppSettings.fromConfig().timeout(), StanzaError.Condition.item_not_found,
                () -> service.getLeafNode(node));
        ItemEventListener<Item> listener =
                event -> event.getItems().forEach(item -> notified(item, event.isDelayed()));
        leaf.addItemEventListener(listener);
        subscribed.add(new Subscribed(leaf, listener));
        leaf.subscribe(connection.getUser().asBareJid());
    }

    /** Publishes a stamped item to {@code node}; counted in {@code pubsub_items_published}. */
    public void publish(String node) throws XMPPException, SmackException, InterruptedException {
        String stamp = Stamps.now(run, published.incrementAndGet()).toXML().toString();
        service.getLeafNode(node).publish(new PayloadItem<>(new SimplePayload(stamp)));
        AmocMetrics.count("pubsub_items_published");
    }

    /** How many subscriptions {@code node} has now (asked of the server; this user must own the node). */
    public int subscribers(String node) throws XMPPException, SmackException, InterruptedException {
        return service.getLeafNode(node).getSubscriptionsAsOwner().size();
    }

    /** Notifications of stamped items this user received. */
    public long notifications() {
        return notified.get();
    }

    /**
     * Stops timing notifications and ends this user's subscriptions, so that a later login does not subscribe twice
     * (best effort: a node that is gone, or a connection that closed, leaves nothing to end).
     */
    @Override
    public void close() {
        for (Subscribed s : subscribed) {
            s.node().removeItemEventListener(s.listener());
            try {
                s.node().unsubscribe(connection.getUser().asBareJid().toString());
            } catch (XMPPException | SmackException e) {
                // nothing left to end
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        subscribed.clear();
    }

    private void notified(Item item, boolean delayed) {
        String xml = item instanceof PayloadItem<?> payload && payload.getPayload() != null
                ? payload.getPayload().toXML().toString() : item.toXML().toString();
        Stamps.in(xml).ifPresent(stamp -> {
            if (Stamps.arrived(stamp, delayed, run, "pubsub_notifications_received", "pubsub_notification_ttd",
                    "pubsub_notifications_stale")) {
                notified.incrementAndGet();
            }
        });
    }
}
