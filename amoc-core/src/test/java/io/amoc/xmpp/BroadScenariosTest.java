package io.amoc.xmpp;

import io.amoc.compile.ScenarioCatalog;
import io.amoc.config.Config;
import io.amoc.engine.IdRange;
import io.amoc.engine.NodeController;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.amoc.xmpp.Eventually.await;
import static io.amoc.xmpp.Eventually.timed;
import static io.amoc.xmpp.XmppLoginTest.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The group-chat, publish-subscribe, archive and roster scenarios of scenarios/, compiled at run time and run by the
 * engine against the sandbox, with smack-extensions' managers created on demand. Each uses ids no other test of the
 * sandbox uses, and names of its own for rooms and nodes.
 */
@ExtendWith(XmppSandbox.class)
class BroadScenariosTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final NodeController node = new NodeController("local");
    private final ScenarioCatalog catalog =
            new ScenarioCatalog(List.of(XmppSandbox.Server.projectDir().resolve("scenarios")));
    private final String token = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void configAimedAtTheSandbox() {
        SandboxConfig.freshConfigAimedAtTheSandbox();
        Config.global().set("interarrival", 0L);
        Config.global().set("repeat_num", 1L);
    }

    @AfterEach
    void stopTheNode() {
        node.stop();
    }

    @Test
    void aHundredUsersInTenRoomsHearEveryRoomMessageOfEveryOtherMemberEachTimed() throws Exception {
        Config.global().set("muc_room_prefix", "rooms-" + token + "-");
        run("GroupChat", 501, 600);

        assertEquals(0, counter("rooms_incomplete"), "every user saw its whole room");
        assertEquals(100, counter("room_messages_sent"));
        assertEquals(100 * 9, counter("room_messages_received"), "each message heard by the 9 other members");
        assertEquals(100 * 9, timed("room_message_ttd"));
        assertEquals(0, counter("rooms_incomplete") + counter("room_messages_missing"));
    }

    @Test
    void tenPublishersNotifyAHundredSubscribersOfEveryItem() throws Exception {
        Config.global().set("pubsub_node_prefix", "nodes-" + token + "-");
        Config.global().set("pubsub_items", 2L);
        Config.global().set("pubsub_item_interval", 100L);
        run("PublishSubscribe", 606, 715);   // 606 starts a group of 1 publisher and 10 subscribers

        assertEquals(10 * 2, counter("pubsub_items_published"));
        assertEquals(10 * 2 * 10, counter("pubsub_notifications_received"), "every item reaches its 10 subscribers");
        assertEquals(10 * 2 * 10, timed("pubsub_notification_ttd"));
        assertEquals(0, counter("pubsub_subscribers_missing") + counter("pubsub_notifications_missing"));
    }

    @Test
    void theArchiveReturnsTheMessagesEachUserSent() throws Exception {
        Config.global().set("mam_messages", 3L);
        Config.global().set("mam_message_interval", 20L);
        run("MessageArchive", 721, 740);

        assertEquals(20, counter("archive_queries"));
        assertEquals(20, timed("archive_query"));
        assertEquals(0, counter("archive_messages_missing"), "every user found the 3 messages it sent");
        assertTrue(counter("archive_messages_fetched") >= 20 * 3, "at least each user's own 3 messages came back");
    }

    @Test
    void addingAContactTimesThePresenceSubscriptionRoundTrip() throws Exception {
        run("RosterSubscriptions", 741, 760);

        assertEquals(10, counter("roster_subscriptions"));
        assertEquals(10, timed("roster_subscription"));
    }

    private void run(String scenario, long from, long to) throws Exception {
        node.start(catalog.bundle(scenario), Map.of());
        node.addUsers(IdRange.of(from, to));
        long users = to - from + 1;
        await("every user of " + scenario + " to finish", PATIENCE, () -> counter("connections") == users
                && node.status().usersAlive() == 0);
        assertEquals(0, counter("user_failures"), "failures: " + node.failures());
        assertEquals(0, counter("connection_failures"));
    }


}
