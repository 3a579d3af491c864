package io.amoc.xmpp;

import io.amoc.cluster.ClusterAccessException;
import io.amoc.command.Master;
import io.amoc.command.MasterSetup;
import io.amoc.command.RunSummary;
import io.amoc.command.StartRequest;
import io.amoc.compile.ScenarioBundle;
import io.amoc.compile.ScenarioCatalog;
import io.amoc.config.Config;
import io.amoc.engine.IdRange;
import io.amoc.engine.NodeController;
import io.amoc.engine.RemovalReport;
import io.amoc.metrics.MergedMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static io.amoc.xmpp.Eventually.await;
import static io.amoc.xmpp.XmppLoginTest.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The example scenarios of scenarios/, compiled at run time and run by the engine against the sandbox. */
@ExtendWith(XmppSandbox.class)
class ExampleScenariosTest {

    private static final int IDLE_USERS = 500;
    private static final int CHATTING_USERS = 100;
    private static final long NEIGHBOURS = 4;
    private static final long ROUNDS_BEFORE_THE_STOP = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final NodeController node = new NodeController("local");
    private final ScenarioCatalog catalog =
            new ScenarioCatalog(List.of(XmppSandbox.Server.projectDir().resolve("scenarios")));

    @BeforeEach
    void configAimedAtTheSandbox() {
        SandboxConfig.freshConfigAimedAtTheSandbox();
        Config.global().set("interarrival", 0L);
    }

    @AfterEach
    void stopTheNode() {
        node.stop();
    }

    @Test
    void fiveHundredIdleUsersHoldSessionsUntilAForcedRemovalClosesThem() throws Exception {
        long before = XmppSandbox.server().establishedSessions();
        node.start(bundle("IdleSessions"), Map.of());
        node.addUsers(IdRange.of(1, IDLE_USERS));
        await(IDLE_USERS + " logins", PATIENCE, () -> counter("connections") == IDLE_USERS);
        await("the server holding " + IDLE_USERS + " more sessions", PATIENCE, () -> sessions() >= before + IDLE_USERS);
        assertEquals(0, counter("connection_failures"));

        long[] all = LongStream.rangeClosed(1, IDLE_USERS).toArray();
        RemovalReport report = node.removeUsers(all, true);

        assertEquals(IDLE_USERS, report.removed().size());
        assertEquals(List.of(), report.stragglers());
        await("the server seeing every session go", PATIENCE, () -> sessions() <= before);
        assertEquals(0, node.status().usersAlive());
    }

    @Test
    void chattingUsersStoppedMidRunAccountForEveryMessageExactlyAfterTheDrain(@TempDir Path uploads) throws Exception {
        Config.global().set("chat_rounds", 1000L);
        Config.global().set("chat_message_interval", 500L);
        Config.global().set("chat_neighbours", NEIGHBOURS);
        Master master = Master.start(MasterSetup.of(XmppSandbox.Server.projectDir(), List.of(), uploads,
                Config.global(), config -> {
                    throw new ClusterAccessException("no slaves in this test");
                }));
        try {
            master.local().start(StartRequest.of("OneToOneChat", 1, CHATTING_USERS));
            long perRound = NEIGHBOURS * CHATTING_USERS - NEIGHBOURS * (NEIGHBOURS + 1) / 2;
            await(ROUNDS_BEFORE_THE_STOP + " rounds of chat", PATIENCE,
                    () -> counter("messages_sent") >= ROUNDS_BEFORE_THE_STOP * perRound);

            RunSummary summary = master.local().stop().summary().orElseThrow();

            Map<String, Long> counters = summary.run().counters();
            long sent = counters.get("messages_sent");
            long received = counters.getOrDefault("messages_received", 0L);
            long accounted = received + counters.getOrDefault("messages_undelivered", 0L)
                    + counters.getOrDefault("messages_stale", 0L);
            assertEquals(sent, accounted, "every message received, bounced or stale: " + counters);
            assertEquals(0L, counters.get("messages_missing"));
            assertEquals(received, MergedMetrics.histograms(summary.run()).get("message_ttd").getTotalCount(),
                    "one time to deliver per message received");
            assertEquals(0L, counters.get("user_failures"));
            assertEquals(0L, counters.getOrDefault("connection_lost", 0L));
        } finally {
            master.close(Duration.ofSeconds(5));
        }
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

}
