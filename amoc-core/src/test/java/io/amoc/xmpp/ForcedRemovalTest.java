package io.amoc.xmpp;

import io.amoc.config.Config;
import io.amoc.engine.Fixtures;
import io.amoc.engine.IdRange;
import io.amoc.engine.NodeController;
import io.amoc.engine.RemovalReport;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Presence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user's connections end with it: a user removed by force leaves at once on every transport (its socket closes
 * before its thread even wakes; the server announces the departure within 100 ms of the removal), and a user that ends with a connection open has it closed; the server sees the
 * connection drop rather than a logout. The observer tells them apart: a logout's unavailable
 * presence is the client's own stanza (it carries Smack's stanza id), a dropped connection's is made by the server
 * (no id).
 */
@ExtendWith(XmppSandbox.class)
class ForcedRemovalTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** A user removed by force is gone for the server at once: the server announces it within this. */
    private static final Duration SEEN_GONE_WITHIN = Duration.ofMillis(100);
    private static final int USERS = 3;
    private static final long FIRST_ID = 301;
    private static final long OBSERVER = 300;

    private final NodeController node = new NodeController("local");
    private AbstractXMPPConnection observer;

    @BeforeEach
    void anObserverOnline() throws Exception {
        SandboxConfig.freshConfigAimedAtTheSandbox();
        Config.global().set("interarrival", 0L);
        observer = Xmpp.connect(OBSERVER);
        Config.global().set("observer_jid", observer.getUser().toString());
    }

    @AfterEach
    void stopAll() {
        node.stop();
        Xmpp.disconnect(observer);
    }

    @ParameterizedTest
    @EnumSource(XmppTransport.class)
    void usersRemovedByForceDropTheirConnectionsWithoutLoggingOutAndTheServerSeesItAtOnce(XmppTransport transport)
            throws Exception {
        Config.global().set("xmpp_transport", transport.name().toLowerCase(java.util.Locale.ROOT));
        List<Long> goneAt = new CopyOnWriteArrayList<>();
        StanzaListener departures = stanza -> goneAt.add(System.nanoTime());
        observer.addSyncStanzaListener(departures,
                stanza -> stanza instanceof Presence presence && presence.getType() == Presence.Type.unavailable);
        try (StanzaCollector presences = observer.createStanzaCollector(StanzaTypeFilter.PRESENCE)) {
            node.start(Fixtures.bundle("StaysOnlineUntilRemoved"), Map.of());
            node.addUsers(IdRange.of(FIRST_ID, FIRST_ID + USERS - 1));
            assertEquals(USERS, next(presences, USERS).size(), "available presences");

            long removed = System.nanoTime();
            RemovalReport report = node.removeUsers(node.highestLiveIds(USERS), true);

            assertEquals(USERS, report.removed().size());
            assertEquals(List.of(), report.stragglers());
            for (Presence gone : next(presences, USERS)) {
                assertEquals(Presence.Type.unavailable, gone.getType());
                assertNull(gone.getStanzaId(), "the client's own logout, not a dropped connection: " + gone.toXML());
            }
            // Smack feeds collectors before it runs the synchronous listeners: wait for the listener's times too
            Fixtures.await("the departures' arrival times", () -> goneAt.size() >= USERS);
            long lastSeenMillis = (goneAt.stream().mapToLong(Long::longValue).max().orElseThrow() - removed) / 1_000_000;
            assertTrue(lastSeenMillis < SEEN_GONE_WITHIN.toMillis(),
                    "the server announced the last departure " + lastSeenMillis + " ms after the removal");
        } finally {
            observer.removeSyncStanzaListener(departures);
        }
    }

    @Test
    void aUserThatEndsWithItsConnectionOpenHasItClosed() throws Exception {
        Config.global().set("repeat_num", 1L);
        try (StanzaCollector presences = observer.createStanzaCollector(StanzaTypeFilter.PRESENCE)) {
            node.start(Fixtures.bundle("LeavesItsConnectionOpen"), Map.of());
            node.addUsers(IdRange.of(FIRST_ID, FIRST_ID));
            List<Presence> seen = next(presences, 2);
            assertEquals(Presence.Type.available, seen.get(0).getType());
            assertEquals(Presence.Type.unavailable, seen.get(1).getType());
            assertNull(seen.get(1).getStanzaId(), "closed by amoc, not logged out: " + seen.get(1).toXML());
        }
    }

    @Test
    void aUserThatDisconnectsItselfLogsOutPolitely() throws Exception {
        try (StanzaCollector presences = observer.createStanzaCollector(StanzaTypeFilter.PRESENCE)) {
            AbstractXMPPConnection user = Xmpp.connect(FIRST_ID + USERS);
            user.sendStanza(user.getStanzaFactory().buildPresenceStanza().to(observer.getUser()).build());
            Xmpp.disconnect(user);
            List<Presence> seen = next(presences, 2);
            assertEquals(Presence.Type.unavailable, seen.get(1).getType());
            assertNotNull(seen.get(1).getStanzaId(), "the client's own logout: " + seen.get(1).toXML());
        }
    }

    private static List<Presence> next(StanzaCollector collector, int count) throws InterruptedException {
        List<Presence> presences = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Presence presence = collector.nextResult(PATIENCE.toMillis());
            assertNotNull(presence, "presence " + (i + 1) + " of " + count + " within " + PATIENCE);
            presences.add(presence);
        }
        return presences;
    }
}
