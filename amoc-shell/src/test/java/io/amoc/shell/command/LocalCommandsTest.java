package io.amoc.shell.command;

import io.amoc.cluster.LocalNodeHandle;
import io.amoc.command.Master;
import io.amoc.config.Config;
import io.amoc.engine.NodeController;
import io.amoc.engine.NodeStatus;
import io.amoc.shell.Fixtures;
import io.amoc.shell.TestMasters;
import io.amoc.shell.language.Interpreter;
import io.amoc.shell.language.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalCommandsTest {

    @TempDir
    Path dir;

    private final NodeController node = new NodeController("local");
    private Master master;
    private Interpreter shell;
    private Path scenarios;

    @BeforeEach
    void startShell() {
        Config config = new Config(Map.of(), Map.of("interarrival", "0", "remove_grace_period", "1"));
        Config.install(config);
        scenarios = Fixtures.scenarios(dir.resolve("scenarios"), "SleepsForAMinute", "DoesNotCompile");
        master = TestMasters.local(dir, config, List.of(scenarios), new LocalNodeHandle(node));
        shell = Shell.of(master).newSession();
    }

    @AfterEach
    void stopUsers() throws InterruptedException {
        master.close(java.time.Duration.ofSeconds(5));
        node.stop();
    }

    private String ok(String line) {
        Reply reply = shell.run(line);
        assertTrue(reply.ok(), () -> line + " failed: " + reply.text());
        return reply.text();
    }

    private String error(String line) {
        Reply reply = shell.run(line);
        assertFalse(reply.ok(), () -> line + " should fail but gave: " + reply.text());
        assertFalse(reply.text().contains("\n"), () -> "one line: " + reply.text());
        return reply.text();
    }

    private void runTenUsers() throws InterruptedException {
        assertTrue(ok("local.do(SleepsForAMinute, 1, 10)")
                .matches("local: started SleepsForAMinute@[0-9a-f]{8}, spawning users 1\\.\\.10 \\(type status to follow\\)"));
        Fixtures.waitUntil("10 users are alive", () -> node.status().usersAlive() == 10);
    }

    @Test
    void logLevelChangesALoggersLevelAndLocalLogsShowsTheLinesThisJvmLogged() {
        org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger("ShellLogsAtDebug");
        String token = java.util.UUID.randomUUID().toString();
        logger.debug("before the change {}", token);

        assertEquals("ShellLogsAtDebug logs at debug on every node", ok("log.level(ShellLogsAtDebug, debug)"));
        logger.debug("after the change {}", token);

        String lines = ok("local.logs(20)");
        assertTrue(lines.contains("[DEBUG] ShellLogsAtDebug - after the change " + token), lines);
        assertFalse(lines.contains("before the change " + token), lines);
        assertTrue(error("log.level(ShellLogsAtDebug, loud)").contains("must be one of trace, debug, info, warn,"
                + " error, off"));
        assertTrue(error("local.logs(5000)").contains("a node keeps its last 2000 lines"));
        ok("config.set(log_level.ShellLogsAtDebug, info)");
    }

    @Test
    void localDoRunsTheScenarioAndStatusShowsTheNode() throws Exception {
        runTenUsers();
        String sha = node.status().sha256().substring(0, 8);
        assertEquals("""
                node   state    scenario                   users  highest id  failures  spawned  pending  generator
                local  running  SleepsForAMinute@%s     10          10         0    10/10        0  ok""".formatted(sha),
                ok("status"));
    }

    @Test
    void localDoWhileRunningIsRefusedAndTheRunGoesOn() throws Exception {
        runTenUsers();
        assertEquals("error: local.do: SleepsForAMinute is already running: stop it first with local.stop()",
                error("local.do(SleepsForAMinute, 1, 5)"));
        assertEquals(10, node.status().usersAlive());
    }

    @Test
    void localAddContinuesAfterTheHighestIdAndRemoveTakesTheHighest() throws Exception {
        runTenUsers();
        assertEquals("local: adding users 11..15", ok("local.add(5)"));
        Fixtures.waitUntil("15 users are alive", () -> node.status().usersAlive() == 15);
        assertEquals("local: removed 3 users (ids 15..13)", ok("local.remove(3, force=true)"));
        Fixtures.waitUntil("12 users are alive", () -> node.status().usersAlive() == 12);
        assertEquals("local: removed 2 users (ids 12..11)", ok("amoc_local:remove(2, [{force, true}])."));
        assertEquals("local: adding users 16..17", ok("amoc_local:add(2)."));
        Fixtures.waitUntil("12 users are alive", () -> node.status().usersAlive() == 12);
        assertEquals(17, node.status().highestId());
    }

    @Test
    void gentleRemovalSaysTheUsersEndAfterTheirIteration() throws Exception {
        runTenUsers();
        assertEquals("local: removing 2 users (ids 10..9): each ends after its current iteration", ok("local.remove(2)"));
    }

    @Test
    void aRemovalThatFindsOnlyUsersAlreadyBeingRemovedSaysSoAndHowToEndThemNow() throws Exception {
        runTenUsers();
        ok("local.remove(10)");

        assertEquals("local: no users left to remove: those already being removed end after their current iteration"
                + " (local.stop() ends every user now)", ok("local.remove(1, force=true)"));
        assertEquals(10, node.status().usersAlive());
    }

    @Test
    void waitingBeforeAnyRunSaysThereIsNothingToWaitForInsteadOfThatARunEnded() {
        assertEquals("local: no run has started: nothing to wait for (start one with local.do(Name, From, To))",
                ok("wait"));
    }

    @Test
    void localStopEndsTheRunAndAllowsANewOne() throws Exception {
        runTenUsers();
        String stopped = ok("local.stop()");
        assertTrue(stopped.startsWith("local: stopped\nrun summary (local, "), stopped);
        NodeStatus status = node.status();
        assertEquals("finished", status.stateLabel());
        assertEquals(0, status.usersAlive());
        assertTrue(ok("status").contains("local  finished"));
        ok("amoc_local:do(SleepsForAMinute, 1, 2).");
        Fixtures.waitUntil("2 users are alive", () -> node.status().usersAlive() == 2);
    }

    @Test
    void configSetRefusesAValueThatMakesNoSenseInOneLineAndGetShowsTheDefault() {
        assertEquals("error: config.set: repeat_num must be a positive whole number or infinity, got -1",
                error("config.set(repeat_num, -1)"));
        assertEquals("error: config.set: interarrival must be a whole number of milliseconds from 0 to 86400000,"
                + " got \"abc\"", error("config.set(interarrival, abc)"));
        assertEquals("error: config.set: xmpp_sasl must be one of PLAIN, SCRAM-SHA-1, SCRAM-SHA-256, or \"\" (the"
                + " strongest the server offers), got \"FOO\"", error("config.set(xmpp_sasl, FOO)"));
        assertEquals("interarival = 0 (not one of amoc's keys, so only a scenario that reads it sees it: did you mean"
                + " interarrival?)", ok("config.set(interarival, 0)"));
        assertEquals("repeat_num = infinity (default)", ok("config.get(repeat_num)"));
        assertEquals("graphite_host is not set (default none: metrics are not reported)",
                ok("config.get(graphite_host)"));
        String list = ok("config.list");
        assertTrue(list.startsWith("key "), list);
        assertTrue(list.lines().anyMatch(l -> l.matches("interarrival +0 +50 +file")), list);
        assertTrue(list.lines().anyMatch(l -> l.matches("repeat_num +infinity +default")), list);
    }

    @Test
    void addingUsersWithoutARunningScenarioSaysHowToStartOne() {
        assertEquals("error: local.add: no scenario is running: start one with local.do(Name, From, To)",
                error("local.add(10)"));
    }

    @Test
    void badInputIsOneLineWithAHintAndDisturbsNothing() throws Exception {
        runTenUsers();
        Map<String, String> expected = Map.of(
                "local.add(-5)", "error: local.add: Count must be a positive whole number, got -5 (usage: local.add(Count))",
                "local.add(1e3)", "error: local.add: Count must be a whole number, got 1e3 (write it without a decimal"
                        + " point or exponent, e.g. 1000) (usage: local.add(Count))",
                "local.add(99999999999999999999)", "error: number too large: 99999999999999999999"
                        + " (at most 9223372036854775807) (column 11)",
                "local.do(../x, 1, 2)", "error: local.do: Scenario must be a scenario name: its class's simple name,"
                        + " e.g. MyScenario (type scenarios to list them), got ../x (usage: local.do(Scenario, From, To))",
                "local.ad(3)", "error: unknown command local.ad: did you mean local.add? (type help for the list)",
                "local.add(3", "error: unbalanced parentheses: '(' is never closed: add ')' at the end",
                "local.add(3))", "error: unbalanced parentheses: one ')' too many at column 13",
                "local.add(" + "1".repeat(10 * 1024) + ")",
                "error: line too long: 10251 characters (at most 4096): split it into several commands",
                "local.do(SleepsForAMinute, 1)", "error: local.do needs 3 arguments, got 2 (usage: local.do(Scenario, From, To))",
                "local.remove(x)", "error: local.remove: Count must be a positive whole number, got x"
                        + " (usage: local.remove(Count[, force=false]))");
        expected.forEach((line, message) -> assertEquals(message, error(line), line));
        assertEquals("error: local.add: 20000000 users is too many for one command (at most 10000000): add them in steps",
                error("local.add(20000000)"));
        assertEquals("error: local.do: To (2) is below From (5): users get the ids From..To, e.g."
                + " local.do(SleepsForAMinute, 1, 10)", error("local.do(SleepsForAMinute, 5, 2)"));
        assertEquals("error: unknown scenario 'Nope': known are DoesNotCompile, SleepsForAMinute",
                error("local.do(Nope, 1, 2)"));
        assertEquals("error: unknown scenario 'sleepsforaminute' (names are case-sensitive: did you mean"
                + " SleepsForAMinute?): known are DoesNotCompile, SleepsForAMinute",
                error("local.do(sleepsforaminute, 1, 2)"));
        NodeStatus after = node.status();
        assertEquals(List.of("running", 10L, 10L), List.of(after.stateLabel(), after.usersAlive(), after.highestId()));
    }

    @Test
    void compileErrorsAreShownAsJavacShowsThemWithoutAStackTrace() {
        Path source = scenarios.resolve("DoesNotCompile.java");
        Reply reply = shell.run("compile(DoesNotCompile)");
        assertFalse(reply.ok());
        assertEquals("""
                error: the scenario does not compile:
                %1$s:7:9: error: cannot find symbol
                  symbol:   method undefinedMethod(long)
                  location: class DoesNotCompile
                %1$s:8:22: error: incompatible types: java.lang.String cannot be converted to int
                2 errors""".formatted(source), reply.text());
        assertFalse(reply.text().contains("\tat "));
        assertTrue(shell.run("local.do(DoesNotCompile, 1, 2)").text().startsWith("error: the scenario does not compile:"));
    }

    @Test
    void compileChecksAScenarioWithoutRunningIt() {
        assertTrue(ok("compile(\"SleepsForAMinute\")").matches("SleepsForAMinute compiles: SleepsForAMinute@[0-9a-f]{8} \\(1 class\\)"));
        assertEquals("idle", node.status().stateLabel());
    }

    @Test
    void scenariosListsNamesWithTheirDirectory() {
        String dirName = scenarios.toString();
        assertEquals("scenario          directory\nDoesNotCompile    " + dirName + "\nSleepsForAMinute  " + dirName,
                ok("scenarios"));
    }

    @Test
    void aLocalDoWhoseInitTakesLongSaysSoWhileItRunsThenStartsAsUsual() throws Exception {
        Fixtures.scenarios(scenarios, "InitWaitsUntilReleased");
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CompletableFuture<Reply> reply = new java.util.concurrent.CompletableFuture<>();
        Thread.ofPlatform().name("local-do-slow-init").start(
                () -> reply.complete(shell.run("local.do(InitWaitsUntilReleased, 1, 2)", told::add)));

        Fixtures.waitUntil("a word that init still runs", () -> !told.isEmpty());
        assertTrue(told.get(0).matches("local\\.do: InitWaitsUntilReleased\\.init\\(\\) still running after [5-9] s"),
                told.toString());
        Config.global().set("release", true);

        Reply started = reply.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(started.ok() && started.text().startsWith("local: started InitWaitsUntilReleased@"),
                started.text());
    }
}
