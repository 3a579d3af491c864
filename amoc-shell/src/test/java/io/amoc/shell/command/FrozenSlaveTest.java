package io.amoc.shell.command;

import io.amoc.command.Master;
import io.amoc.command.MasterSetup;
import io.amoc.config.Config;
import io.amoc.rmi.Distribution;
import io.amoc.shell.Fixtures;
import io.amoc.shell.SlaveJvm;
import io.amoc.shell.language.Interpreter;
import io.amoc.shell.language.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shell's commands with a slave that stops answering, against real slave JVMs frozen with SIGSTOP: commands
 * answer within their deadlines and name the frozen slave, a cancelled command stops waiting for it, stragglers are
 * shown, and a slave whose master fell silent says so. The time limits are the deadlines these behaviours promise
 * (status at once, an add within rmi_call_deadline), far from what waiting on the frozen slave would take.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FrozenSlaveTest {

    /** What "at once" means for a command answered from what the master knows (a call would wait 10 s). */
    private static final long AT_ONCE_MILLIS = 1_000;
    /** rmi_call_deadline, left at its default. */
    private static final long CALL_DEADLINE_MILLIS = 10_000;
    /** A cancelled command ends well before the frozen slave would be seen down (3 heartbeats) and its call abandoned. */
    private static final long CANCELLED_WITHIN_MILLIS = 2_000;
    private static final long SHORT_SILENCE_SECONDS = 2;
    /** A thawed slave answers the heartbeat that waited for it, or the next one; a loaded machine takes its time. */
    private static final Duration THAW_PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    private SlaveJvm first;
    private SlaveJvm second;
    private SlaveJvm impatient;
    private Master master;
    private Interpreter shell;

    @BeforeAll
    void startSlavesAndShell() throws Exception {
        CompletableFuture<SlaveJvm> starting = CompletableFuture.supplyAsync(() -> startSlave("slave-1", 30));
        CompletableFuture<SlaveJvm> startingToo = CompletableFuture.supplyAsync(() -> startSlave("slave-2", 30));
        impatient = startSlave("slave-3", SHORT_SILENCE_SECONDS);
        first = starting.join();
        second = startingToo.join();
        Config config = new Config(Map.of(), Map.of("rmi_read_timeout", "20", "remove_grace_period", "0.5",
                "tls_dir", "\"" + Fixtures.tlsDir() + "\""));
        Config.install(config);
        config.set("interarrival", 0L);
        Path scenarios = Fixtures.scenarios(dir.resolve("scenarios"), "SleepsForAMinute",
                "IgnoresInterruptsUntilReleased");
        master = Master.start(MasterSetup.of(dir, List.of(scenarios), dir.resolve("uploads"), config,
                Distribution::start));
        shell = Shell.of(master).newSession();
        ok("dist.connect(\"" + first.address() + "\")");
        ok("dist.connect(\"" + second.address() + "\")");
    }

    private static SlaveJvm startSlave(String name, long silenceSeconds) {
        try {
            return SlaveJvm.start(dir.resolve(name), silenceSeconds);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e, e);
        }
    }

    @AfterAll
    void stopAll() throws Exception {
        if (master != null) {
            master.close(Duration.ofSeconds(5));
        }
        for (SlaveJvm slave : Arrays.asList(first, second, impatient)) {
            if (slave != null) {
                slave.close();
            }
        }
    }

    private String ok(String line) {
        Reply reply = shell.run(line);
        assertTrue(reply.ok(), () -> line + " failed: " + reply.text());
        return reply.text();
    }

    /** Runs {@code line} and returns how long it took, in milliseconds, after checking its reply. */
    private long timed(String line, boolean expectOk, java.util.function.Consumer<String> check) {
        long begin = System.nanoTime();
        Reply reply = shell.run(line);
        long millis = (System.nanoTime() - begin) / 1_000_000;
        assertEquals(expectOk, reply.ok(), () -> line + ": " + reply.text());
        check.accept(reply.text());
        return millis;
    }

    private static String rowOf(String table, String node) {
        return table.lines().filter(l -> l.startsWith(node + " ")).findFirst().orElse("(no row for " + node + ")");
    }

    private void usersOnEach(int users, String... nodes) throws InterruptedException {
        Fixtures.waitUntil(users + " users on each slave", () -> Arrays.stream(nodes).allMatch(node ->
                rowOf(shell.run("dist.status").text(), node).split("\\s+")[3].equals(Integer.toString(users))));
    }

    @Test
    @Order(1)
    void withASlaveFrozenNodesAndStatusAnswerAtOnceAndAddNamesItWhileTheOtherGetsItsUsers() throws Exception {
        ok("dist.do(SleepsForAMinute, 1, 4)");
        usersOnEach(2, first.address(), second.address());
        second.freeze();
        try {
            long nodes = timed("nodes", true, text -> assertTrue(text.contains(second.address()), text));
            long status = timed("dist.status", true, text -> assertTrue(text.contains(first.address()), text));
            assertTrue(nodes < AT_ONCE_MILLIS, "nodes took " + nodes + " ms");
            assertTrue(status < AT_ONCE_MILLIS, "dist.status took " + status + " ms");

            long add = timed("dist.add(4)", false, text -> {
                assertTrue(rowOf(text, first.address()).contains("adding users 5..7 step 2"), text);
                assertTrue(rowOf(text, second.address()).contains("failed: " + second.address() + " is"), text);
            });
            assertTrue(add < CALL_DEADLINE_MILLIS, "dist.add took " + add + " ms");
            System.out.printf("with a frozen slave: nodes %d ms, dist.status %d ms, dist.add %d ms%n", nodes, status,
                    add);
        } finally {
            second.thaw();
        }
        Fixtures.waitUntil("the thawed slave to be up", THAW_PATIENCE, () -> rowOf(ok("nodes"), second.address()).contains(" up "));
    }

    @Test
    @Order(2)
    void cancellingACommandThatWaitsOnAFrozenSlaveEndsItAtOnceWithTheOthersAnswers() throws Exception {
        second.freeze();
        try {
            Thread[] caller = new Thread[1];
            CompletableFuture<Reply> add = new CompletableFuture<>();
            caller[0] = Thread.ofPlatform().start(() -> add.complete(shell.run("dist.add(2)")));
            Fixtures.waitUntil("the live slave to get its user while the frozen one is waited for",
                    () -> waitsForNodes(caller[0])
                            && rowOf(shell.run("dist.status").text(), first.address()).split("\\s+")[3].equals("5"));
            long begin = System.nanoTime();

            caller[0].interrupt();

            Reply reply = add.get(CALL_DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
            long millis = (System.nanoTime() - begin) / 1_000_000;
            assertFalse(reply.ok());
            assertTrue(reply.text().endsWith("error: cancelled before it finished: what it did so far is above"),
                    reply.text());
            assertTrue(rowOf(reply.text(), second.address()).contains("cancelled while waiting for its answer"),
                    reply.text());
            assertTrue(rowOf(reply.text(), first.address()).contains("adding users"), reply.text());
            assertTrue(millis < CANCELLED_WITHIN_MILLIS, "the cancelled dist.add took " + millis + " ms to end");
        } finally {
            second.thaw();
        }
        Fixtures.waitUntil("the thawed slave to be up", THAW_PATIENCE, () -> rowOf(ok("nodes"), second.address()).contains(" up "));
        ok("dist.stop");
    }

    /** The totals line of dist.status without its overloaded-generator part, which a busy test machine may add. */
    private static String totals(String status) {
        String last = status.substring(status.lastIndexOf('\n') + 1);
        return last.replaceFirst(", generator overloaded on \\d+$", "");
    }

    private static boolean waitsForNodes(Thread caller) {
        return Arrays.stream(caller.getStackTrace()).anyMatch(frame -> frame.getClassName().endsWith("NodeCalls"));
    }

    @Test
    @Order(3)
    void usersThatIgnoreTheirStopAreShownAsStragglersAndTheNextRunWaitsForThem() throws Exception {
        ok("dist.do(IgnoresInterruptsUntilReleased, 1, 4)");
        usersOnEach(2, first.address(), second.address());

        ok("dist.stop");

        Fixtures.waitUntil("the stragglers in dist.status", () -> totals(shell.run("dist.status").text())
                .equals("total: 4 users on 2 of 2 slaves, 0 failures, 4 stragglers"));
        String status = ok("dist.status");
        assertTrue(status.contains(first.address() + ": 2 stragglers: users stopped by force and still alive"),
                status);
        Reply refused = shell.run("dist.do(SleepsForAMinute, 1, 2)");
        assertFalse(refused.ok());
        assertTrue(rowOf(refused.text(), first.address()).contains("still run after being stopped"), refused.text());
        ok("config.set(release, true)");
        Fixtures.waitUntil("the stragglers to end", () -> totals(shell.run("dist.status").text())
                .equals("total: 0 users on 2 of 2 slaves, 0 failures"));
        ok("dist.do(SleepsForAMinute, 1, 2)");
        ok("dist.stop");
    }

    @Test
    @Order(4)
    void aSlaveWhoseMasterFellSilentSaysWhenItStoppedItsUsersAndTheSummaryCountsThem() throws Exception {
        ok("dist.connect(\"" + impatient.address() + "\")");
        ok("dist.do(SleepsForAMinute, 1, 6)");
        usersOnEach(2, first.address(), second.address(), impatient.address());
        impatient.freeze();
        try {
            Fixtures.waitUntil("the frozen slave to be down, its silence timeout past",
                    () -> rowOf(ok("nodes"), impatient.address()).contains(" down "));
        } finally {
            impatient.thaw();
        }
        Pattern silence = Pattern.compile(Pattern.quote(impatient.address()) + ": stopped its 2 users of"
                + " SleepsForAMinute at \\d\\d:\\d\\d:\\d\\d: no heartbeat for " + SHORT_SILENCE_SECONDS + " s");

        Fixtures.waitUntil("nodes to say why the slave stopped its users",
                () -> silence.matcher(shell.run("nodes").text()).find());
        assertTrue(silence.matcher(ok("dist.status")).find(), ok("dist.status"));
        String stopped = ok("dist.stop");

        assertTrue(stopped.contains("users at the stop 4; stopped before, by their node: 2"), stopped);
        assertTrue(silence.matcher(stopped).find(), stopped);
    }
}
