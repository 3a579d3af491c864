package io.amoc.xmpp;

import io.amoc.compile.ScenarioBundle;
import io.amoc.compile.ScenarioCatalog;
import io.amoc.config.Config;
import io.amoc.engine.IdRange;
import io.amoc.engine.NodeController;
import io.amoc.engine.RemovalReport;
import io.amoc.metrics.NodeMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;

import static io.amoc.xmpp.XmppLoginTest.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example scenarios of scenarios/, compiled at run time and run by the engine against the sandbox. */
@ExtendWith(XmppSandbox.class)
class ExampleScenariosTest {

    private static final int USERS = 500;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final long POLL_MS = 20;
    private static final double MOSTLY = 0.9;

    private final NodeController node = new NodeController("local");
    private final ScenarioCatalog catalog =
            new ScenarioCatalog(List.of(XmppSandbox.Server.projectDir().resolve("scenarios")));

    @BeforeEach
    void configAimedAtTheSandbox() {
        Config.install(new Config(Map.of(), Map.of()));
        Config.global().set("xmpp_port", (long) XmppSandbox.server().port());
        Config.global().set("interarrival", 0L);
        NodeMetrics.install(new NodeMetrics());
    }

    @AfterEach
    void stopTheNode() {
        node.stop();
    }

    @Test
    void fiveHundredIdleUsersHoldSessionsUntilAForcedRemovalClosesThem() throws Exception {
        long before = XmppSandbox.server().establishedSessions();
        node.start(bundle("IdleSessions"), Map.of());
        node.addUsers(IdRange.of(1, USERS));
        await(USERS + " logins", () -> counter("connections") == USERS);
        await("the server holding " + USERS + " more sessions", () -> sessions() >= before + USERS);
        assertEquals(0, counter("connection_failures"));

        long[] all = LongStream.rangeClosed(1, USERS).toArray();
        RemovalReport report = node.removeUsers(all, true);

        assertEquals(USERS, report.removed().size());
        assertEquals(List.of(), report.stragglers());
        await("the server seeing every session go", () -> sessions() <= before);
        assertEquals(0, node.status().usersAlive());
    }

    @Test
    void fiveHundredChattingUsersAccountForEveryMessageAndRecordItsTimeToDeliver() throws Exception {
        Config.global().set("repeat_num", 1L);
        Config.global().set("chat_rounds", 2L);
        Config.global().set("chat_message_interval", 1500L);
        Config.global().set("chat_neighbours_before", 2L);
        Config.global().set("chat_neighbours_after", 2L);
        node.start(bundle("OneToOneChat"), Map.of());
        node.addUsers(IdRange.of(1, USERS));
        await("every user to finish", () -> counter("connections") == USERS && node.status().usersAlive() == 0);

        long sent = counter("messages_sent");
        assertEquals(2L * (4 * USERS - 3), sent, "4 neighbours each (users 1 and 2 have 2 and 1 fewer), 2 rounds");
        // A message reaching a neighbour that is logging out at that moment is lost without a bounce, so only
        // most (not all) messages are accounted for; none is counted twice.
        long accounted = counter("messages_received") + counter("messages_undelivered");
        assertTrue(accounted <= sent, accounted + " received or bounced of " + sent + " sent");
        assertTrue(accounted >= sent * MOSTLY, accounted + " received or bounced of " + sent + " sent");
        assertEquals(counter("messages_received"),
                NodeMetrics.current().registry().histogram("amoc.times.message_ttd").getCount());
        assertEquals(0, counter("user_failures"));
    }

    private ScenarioBundle bundle(String name) throws Exception {
        return catalog.bundle(name);
    }

    private static long sessions() {
        try {
            return XmppSandbox.server().establishedSessions();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + PATIENCE.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(POLL_MS);
        }
    }
}
