package io.amoc.command;

import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.InMemoryNode;
import io.amoc.cluster.NodeResult;
import io.amoc.engine.FailureGroup;
import io.amoc.engine.Fixtures;
import io.amoc.engine.IdRange;
import io.amoc.engine.RemovalReport;
import io.amoc.engine.UsersDropped;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run operations of the command layer, local and distributed, over in-memory nodes. */
class RunControlTest {

    @TempDir
    Path dir;

    private final InMemoryNode a = InMemoryNode.up("a:1");
    private final InMemoryNode b = InMemoryNode.down("b:1");
    private final InMemoryNode c = InMemoryNode.up("c:1");
    private MasterFixture fixture;
    private Master master;

    @BeforeEach
    void startMaster() {
        fixture = new MasterFixture(dir, new InMemorySlaves(a, b, c));
        master = fixture.master;
    }

    @AfterEach
    void closeMaster() throws InterruptedException {
        fixture.close();
    }

    private String refusal(Callable<?> operation) {
        CommandException e = assertThrows(CommandException.class, operation::call);
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void localAndDistRefuseTheSameBadRequestsInTheSameWordsButTheTargetsName() {
        for (Target target : Target.values()) {
            RunControl run = master.on(target);
            List<String> refusals = List.of(
                    refusal(() -> run.start(StartRequest.of("SleepsForever", 5, 2))),
                    refusal(() -> run.start(StartRequest.of("SleepsForever", 0, 2))),
                    refusal(() -> run.start(StartRequest.of("SleepsForever", 1, 20_000_000))),
                    refusal(() -> run.add(AddRequest.of(0))),
                    refusal(() -> run.add(AddRequest.of(RunControl.MAX_USERS_PER_COMMAND + 1))),
                    refusal(() -> run.remove(RemoveRequest.of(-1, false))));
            String name = target.label();
            assertEquals(List.of(
                    name + ".do: To (2) is below From (5): users get the ids From..To, e.g. " + name
                            + ".do(SleepsForever, 1, 10)",
                    name + ".do: From must be a positive whole number, got 0",
                    name + ".do: 20000000 users is too many for one command (at most 10000000): add them in steps",
                    name + ".add: Count must be a positive whole number, got 0",
                    name + ".add: 10000001 users is too many for one command (at most 10000000): add them in steps",
                    name + ".remove: Count must be a positive whole number, got -1"), refusals);
        }
        assertTrue(fixture.localNode.allIds().isEmpty() && a.allIds().isEmpty(), "nothing reached a node");
    }

    @Test
    void aBadRequestNamesTheFieldAtFault() {
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> master.dist().start(StartRequest.of("SleepsForever", 5, 2)));
        assertEquals("to", e.field().orElseThrow());
    }

    @Test
    void distStartSplitsTheIdsOverTheSlavesThatAreUpAndNamesTheOneThatIsDown() throws Exception {
        RunStarted started = master.dist().start(new StartRequest("SleepsForever", 1, 6, List.of(), "two up"));

        assertEquals(List.of("a:1", "b:1", "c:1"), List.copyOf(started.nodes().byNode().keySet()));
        assertEquals(List.of("b:1"), started.nodes().failedNodes());
        NodeResult.Failed<Void> down = assertInstanceOf(NodeResult.Failed.class, started.nodes().byNode().get("b:1"));
        assertTrue(down.reason().startsWith("b:1 is down (never seen: connection refused)"), down.reason());
        assertEquals(List.of(1L, 3L, 5L), a.allIds());
        assertEquals(List.of(2L, 4L, 6L), c.allIds());
        assertEquals(started.sha256(), a.bundle().sha256());
        assertEquals("SleepsForever", started.scenario());
    }

    @Test
    void aStartAddOrRemoveNamingANodeTheTargetDoesNotHaveIsRefusedBeforeAnyNodeIsAsked() throws Exception {
        UnknownNodesException start = assertThrows(UnknownNodesException.class, () -> master.dist().start(
                new StartRequest("SleepsForever", 1, 4, List.of("a:1", "d:1", "zzz"), ""), Map.of("interarrival", 7L)));

        assertEquals("dist.do: no nodes named d:1, zzz: the nodes are a:1, b:1, c:1 (did you mean a:1?)",
                start.getMessage());
        assertEquals(List.of("d:1", "zzz"), start.unknown());
        assertTrue(a.bundle() == null && a.allIds().isEmpty() && c.allIds().isEmpty(), "nothing started on a:1, c:1");
        assertEquals(io.amoc.config.ConfigSource.DEFAULT, master.settings().get("interarrival").source());
        assertEquals("local.do: no node named locl: the nodes are local (did you mean local?)",
                refusal(() -> master.local().start(new StartRequest("SleepsForever", 1, 2, List.of("locl"), ""))));

        master.dist().start(new StartRequest("SleepsForever", 1, 4, List.of("b:1", "c:1"), ""));   // b:1 is down
        assertThrows(UnknownNodesException.class, () -> master.dist().add(new AddRequest(2, List.of("c:2"))));
        assertThrows(UnknownNodesException.class, () -> master.dist().remove(new RemoveRequest(2, true,
                List.of("c:1", "e:1"))));
        assertEquals(List.of(1L, 2L, 3L, 4L), c.allIds(), "nothing added or removed");
        assertEquals(new IdRange(5, 5, 1), master.dist().add(new AddRequest(1, List.of("c:1"))).values().get("c:1"));
    }

    @Test
    void addAndRemoveContinueTheIdsClusterWideAndAnswerPerNode() throws Exception {
        master.dist().start(StartRequest.of("SleepsForever", 1, 4));

        ClusterResult<IdRange> added = master.dist().add(AddRequest.of(4));
        assertEquals(new IdRange(5, 8, 2), added.values().get("a:1"));
        ClusterResult<RemovalReport> removed = master.dist().remove(new RemoveRequest(3, true, List.of("a:1", "c:1")));

        assertEquals(List.of(8L, 6L), removed.values().get("c:1").removed());
        assertEquals(List.of(7L), removed.values().get("a:1").removed());
        assertFalse(removed.byNode().containsKey("b:1"), "b:1 was not addressed");
    }

    @Test
    void withoutSlavesEveryDistributedOperationSaysHowToConnectOne() throws Exception {
        fixture.slaves.members.clear();
        String expected = "no slaves: connect one with dist.connect(\"host:port\"), or list them in config hosts,"
                + " e.g. hosts = [\"10.0.0.5:1099\"]";
        assertEquals(expected, refusal(() -> master.dist().add(AddRequest.of(1))));
        assertEquals(expected, refusal(() -> master.dist().status()));
        assertEquals(expected, refusal(() -> master.dist().metrics()));
        assertEquals(expected, refusal(() -> master.dist().stop()));
        assertTrue(master.slaves().nodes().isEmpty());
    }

    @Test
    void stopSumsUpTheRunItEndsAndOnlyThatRun() throws Exception {
        assertTrue(master.local().stop().summary().isEmpty(), "no run was started");
        master.local().start(StartRequest.of("SleepsForever", 1, 10));
        Fixtures.await("10 users alive", () -> usersAlive() == 10);

        RunStopped stopped = master.local().stop();

        assertTrue(stopped.nodes().allOk());
        RunSummary summary = stopped.summary().orElseThrow();
        assertEquals("local", summary.run().node());
        assertEquals(10, summary.run().users(), "users at the stop");
        assertTrue(master.local().stop().summary().isEmpty(), "the run was summed up once");
    }

    @Test
    void aStopDrainsTheStampedMessagesOfTheRunAcrossNodesBeforeItStopsTheUsers() throws Exception {
        fixture.close();
        fixture = new MasterFixture(dir.resolve("two"), new InMemorySlaves(a, c));
        master = fixture.master;
        master.dist().start(StartRequest.of("SleepsForever", 1, 4));
        a.counters.put("messages_sent", 10L);
        c.counters.putAll(Map.of("messages_received", 7L, "messages_undelivered", 1L, "messages_stale", 3L,
                "messages_from_other_runs", 2L));
        c.onDrain = () -> c.counters.put("messages_received", 8L);   // the last one in flight arrives

        RunSummary summary = master.dist().stop().summary().orElseThrow();

        assertEquals(1, a.drains);
        assertEquals(1, c.drains);
        Map<String, Long> counters = summary.run().counters();
        assertEquals(10L, counters.get("messages_sent"));
        assertEquals(0L, counters.get("messages_missing"), "8 received, 1 bounced, 1 stale of this run: " + counters);
    }

    @Test
    void whatIsStillUnaccountedAfterTheDrainTimeIsMissing() throws Exception {
        fixture.config.set("message_drain_time", 100L);
        master.local().start(StartRequest.of("SleepsForever", 1, 2));
        fixture.localNode.counters.putAll(Map.of("messages_sent", 5L, "messages_received", 3L));

        RunSummary summary = master.local().stop().summary().orElseThrow();

        assertEquals(1, fixture.localNode.drains);
        assertEquals(2L, summary.run().counters().get("messages_missing"));
    }

    @Test
    void aRunThatSentNoStampedMessageIsNeitherDrainedNorCountsMissingOnes() throws Exception {
        master.local().start(StartRequest.of("SleepsForever", 1, 2));

        RunSummary summary = master.local().stop().summary().orElseThrow();

        assertEquals(0, fixture.localNode.drains);
        assertFalse(summary.run().counters().containsKey("messages_missing"), summary.run().counters().toString());
    }

    @Test
    void theSummaryCountsTheUsersASlaveStoppedOnItsOwnDuringTheRunButNotBefore() throws Exception {
        fixture.close();
        fixture = new MasterFixture(dir.resolve("two-up"), new InMemorySlaves(a, c));
        master = fixture.master;
        c.dropped = new UsersDropped(System.currentTimeMillis() - 60_000, 7, "SleepsForever", "no heartbeat for 30 s");
        master.dist().start(StartRequest.of("SleepsForever", 1, 10));
        UsersDropped duringTheRun = new UsersDropped(System.currentTimeMillis(), 5, "SleepsForever",
                "no heartbeat for 30 s");
        a.dropped = duringTheRun;

        RunSummary summary = master.dist().stop().summary().orElseThrow();

        assertEquals(java.util.Map.of("a:1", duringTheRun), summary.dropped());
        assertEquals(5, summary.usersDropped());
    }

    @Test
    void statusAndMetricsNameTheDownSlaveBesideTheOthers() throws Exception {
        master.dist().start(StartRequest.of("SleepsForever", 1, 4));

        assertEquals(List.of("b:1"), master.dist().status().failedNodes());
        ClusterMetrics metrics = master.dist().metrics();
        assertEquals(2, metrics.answered());
        assertEquals(4, metrics.snapshot().users());
        assertTrue(metrics.failed().get("b:1").startsWith("b:1 is down"), metrics.failed().toString());
    }

    @Test
    void failuresOfOneCauseOnTwoSlavesAreOneGroupAndTheDownSlaveIsNamed() throws Exception {
        a.failures.add(new FailureGroup("IllegalStateException: no reply at Chat.java:9", 3, 2_000, 5_000, "a's", "a-trace"));
        c.failures.add(new FailureGroup("IllegalStateException: no reply at Chat.java:9", 4, 1_000, 9_000, "c's", "c-trace"));
        c.failures.add(new FailureGroup("XmppLoginException: refused at Chat.java:3", 1, 3_000, 3_000, "c2", "t2"));

        Failures failures = master.dist().failures();

        assertEquals(List.of(new FailureGroup("IllegalStateException: no reply at Chat.java:9", 7, 1_000, 9_000, "c's",
                "c-trace"), new FailureGroup("XmppLoginException: refused at Chat.java:3", 1, 3_000, 3_000, "c2", "t2")),
                failures.groups());
        assertEquals(8, failures.total());
        assertEquals(List.of("b:1"), failures.byNode().failedNodes());
    }

    @Test
    void frontEndsAddingAtOnceGetDisjointIdsAndEveryIdOnce() throws Exception {
        master.local().start(StartRequest.of("SleepsForever", 1, 10));
        List<Callable<ClusterResult<IdRange>>> adds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            adds.add(() -> master.local().add(AddRequest.of(5)));
        }
        TreeSet<Long> given = new TreeSet<>();
        try (ExecutorService frontEnds = Executors.newFixedThreadPool(8)) {
            for (Future<ClusterResult<IdRange>> added : frontEnds.invokeAll(adds)) {
                added.get().values().get("local").ids().forEach(id -> assertTrue(given.add(id), "id " + id + " twice"));
            }
        }
        assertEquals(LongStream.rangeClosed(11, 50).boxed().toList(), List.copyOf(given));
        assertEquals(50, fixture.localNode.liveIds().size());
    }

    @Test
    void theSlavesAreConnectedAndForgottenByAddress() throws Exception {
        assertTrue(master.slaves().connect("d:1").up());
        assertEquals(List.of("a:1", "b:1", "c:1", "d:1"), master.slaves().nodes().stream().map(v -> v.node()).toList());
        assertTrue(master.slaves().disconnect("d:1"), "released");
        assertEquals("an earlier master", master.slaves().takeOver("e:1").previousOwner().orElseThrow());
        assertTrue(master.slaves().nodes().stream().anyMatch(v -> v.node().equals("e:1")));
        assertThrows(io.amoc.cluster.UnknownNodeException.class, () -> master.slaves().disconnect("d:1"));
        assertThrows(io.amoc.cluster.BadNodeAddressException.class, () -> master.slaves().connect("no port"));
    }
    @Test
    void aStartWhileARunGoesOnAndAChangeOfUsersWithoutOneAreRefusedAsTheWrongState() throws Exception {
        for (Target target : Target.values()) {
            RunControl run = master.on(target);
            String name = target.label();
            RunStateException noRun = assertThrows(RunStateException.class, () -> run.add(AddRequest.of(2)));
            assertEquals(name + ".add: no scenario is running: start one with " + name + ".do(Name, From, To)",
                    noRun.getMessage());
            assertEquals(name + ".remove: no scenario is running: start one with " + name + ".do(Name, From, To)",
                    assertThrows(RunStateException.class, () -> run.remove(RemoveRequest.of(1, true))).getMessage());

            run.start(StartRequest.of("SleepsForever", 1, 4));
            assertEquals(name + ".do: SleepsForever is already running: stop it first with " + name + ".stop()",
                    assertThrows(RunStateException.class, () -> run.start(StartRequest.of("SleepsForever", 5, 6)))
                            .getMessage());
            run.stop();
            assertThrows(RunStateException.class, () -> run.add(AddRequest.of(1)), "stopped: nothing runs");
        }
        assertEquals(List.of(1L, 2L, 3L, 4L), fixture.localNode.allIds(), "no refused change reached a node");
    }
    @Test
    void aStartSetsItsSettingsFirstAndARefusedStartChangesNone() throws Exception {
        master.local().start(StartRequest.of("SleepsForever", 1, 2), java.util.Map.of("interarrival", 7L));
        assertEquals(7L, fixture.config.get("interarrival"));
        assertTrue(fixture.localNode.configured.contains("interarrival=7"), fixture.localNode.configured.toString());

        assertThrows(RunStateException.class, () -> master.local().start(StartRequest.of("SleepsForever", 3, 4),
                java.util.Map.of("interarrival", 9L)));
        assertThrows(BadRequestException.class, () -> master.dist().start(StartRequest.of("SleepsForever", 1, 2),
                java.util.Map.of("interarrival", -1L)));
        assertEquals(7L, fixture.config.get("interarrival"), "neither refused start changed it");
    }

    private long usersAlive() {
        try {
            return master.local().status().values().values().stream().mapToLong(io.amoc.engine.NodeStatus::usersAlive).sum();
        } catch (CommandException e) {
            throw new AssertionError(e);
        }
    }
}
