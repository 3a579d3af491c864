package io.amoc.shell.command;

import io.amoc.cluster.Cluster;
import io.amoc.cluster.NodeResult;
import io.amoc.command.Master;
import io.amoc.command.MasterSetup;
import io.amoc.config.Config;
import io.amoc.engine.NodeState;
import io.amoc.engine.NodeStatus;
import io.amoc.rmi.Distribution;
import io.amoc.shell.Fixtures;
import io.amoc.shell.SlaveJvm;
import io.amoc.shell.cli.ShellEnvironment;
import io.amoc.shell.cli.SlaveCommand;
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
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dist.* commands and nodes, from the shell, against two real slaves started with the slave subcommand. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistCommandsTest {

    @TempDir
    static Path dir;
    private final List<Process> slaves = new ArrayList<>();
    private final List<String> addresses = new ArrayList<>();
    private Master master;
    private Interpreter shell;

    @BeforeAll
    void startSlavesAndShell() throws Exception {
        for (int i = 1; i <= 2; i++) {
            startSlave(dir.resolve("slave-" + i));
        }
        Config config = new Config(Map.of(), Map.of("interarrival", "0", "rmi_read_timeout", "10",
                "tls_dir", "\"" + Fixtures.tlsDir() + "\""));
        Config.install(config);
        config.set("interarrival", 0L);
        Path scenarios = Fixtures.scenarios(dir.resolve("scenarios"), "SleepsForAMinute");
        master = Master.start(MasterSetup.of(dir, List.of(scenarios), dir.resolve("uploads"), config,
                Distribution::start));
        shell = Shell.of(master).newSession();
    }

    private void startSlave(Path workDir) throws Exception {
        SlaveJvm slave = SlaveJvm.start(workDir, 30);
        slaves.add(slave.process());
        addresses.add(slave.address());
    }

    @AfterAll
    void stopAll() throws Exception {
        if (master != null) {
            master.close(java.time.Duration.ofSeconds(5));
        }
        for (Process slave : slaves) {
            slave.destroyForcibly();
            slave.waitFor();
        }
    }

    private String ok(String line) {
        Reply reply = shell.run(line);
        assertTrue(reply.ok(), () -> line + " failed: " + reply.text());
        return reply.text();
    }

    private String error(String line) {
        Reply reply = shell.run(line);
        assertFalse(reply.ok(), () -> line + " should fail but gave: " + reply.text());
        return reply.text();
    }

    @Test
    @Order(1)
    void withoutSlavesTheCommandsSayHowToConnectOne() {
        assertTrue(ok("nodes").contains("dist.connect"));
        String refused = error("dist.add(10)");
        assertTrue(refused.contains("dist.connect(\"host:port\")"), refused);
        assertFalse(refused.contains("\n"), refused);
    }

    @Test
    @Order(2)
    void connectAddsSlavesThatAnswer() {
        assertEquals("connected " + addresses.get(0) + ": up (idle)", ok("dist.connect(\"" + addresses.get(0) + "\")"));
        assertEquals("connected " + addresses.get(1) + ": up (idle)", ok("dist.connect(\"" + addresses.get(1) + "\")"));
        String nodes = ok("nodes");
        assertTrue(nodes.startsWith("node"), nodes);
        assertTrue(nodes.contains(addresses.get(0)) && nodes.contains(addresses.get(1)), nodes);
        assertTrue(nodes.lines().skip(1).filter(l -> !l.contains(": ")).allMatch(l -> l.split("\\s+")[1].equals("up")),
                nodes);
        assertEquals("connected " + addresses.get(0) + ": up (idle); no other master held it",
                ok("dist.connect(\"" + addresses.get(0) + "\", takeover=true)"), "taking over one's own slave changes nothing");
    }

    @Test
    @Order(3)
    void aSlaveThatDoesNotAnswerIsAddedWithHowToForgetItIfItWasATypo() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String nobody = "127.0.0.1:" + port;

        String added = error("dist.connect(\"" + nobody + "\")");

        assertTrue(added.startsWith("error: " + nobody + " was added but is down ("), added);
        assertTrue(added.endsWith("it is used as soon as it answers, and until then each dist command names it as"
                + " failed: dist.disconnect(\"" + nobody + "\") forgets it"), added);
        ok("dist.disconnect(\"" + nobody + "\")");
    }

    @Test
    @Order(3)
    void aBadAddressIsOneLineWithAnExample() {
        String bad = error("dist.connect(\"no-port-here:\")");
        assertTrue(bad.contains("host:port"), bad);
        assertFalse(bad.contains("\n"), bad);
    }

    @Test
    @Order(4)
    void doAndAddSplitUsersOverTheSlavesAndStatusShowsEach() throws Exception {
        String typo = addresses.get(0) + "9";
        assertEquals("error: dist.do: no node named " + typo + ": the nodes are " + addresses.get(0) + ", "
                + addresses.get(1) + " (did you mean " + addresses.get(0) + "?)",
                error("dist.do(SleepsForAMinute, 1, 4, nodes=[\"" + addresses.get(1) + "\", \"" + typo + "\"])"));
        // the refused start started nothing, so this one is not refused as a second run
        String started = ok("dist.do(SleepsForAMinute, 1, 4, comment=\"two slaves\")");
        assertTrue(started.contains(addresses.get(0)) && started.contains("started SleepsForAMinute@"), started);
        ok("config.set(repeat_interval, 1234)");
        String unknown = error("dist.add(2, nodes=[\"nowhere:1\"])");
        assertTrue(unknown.startsWith("error: dist.add: no node named nowhere:1: "), unknown);
        String added = ok("dist.add(2)");                  // ids 5 and 6: the refused add gave out none
        assertTrue(added.matches("(?s).*" + Pattern.quote(addresses.get(0)) + " +adding users 5.*"), added);
        assertTrue(added.matches("(?s).*" + Pattern.quote(addresses.get(1)) + " +adding users 6.*"), added);
        Fixtures.waitUntil("3 users on each slave", () -> usersOn(addresses.get(0)).equals("3")
                && usersOn(addresses.get(1)).equals("3"));
    }

    @Test
    @Order(5)
    void aDeadSlaveIsNamedWhileTheOtherKeepsWorking() throws Exception {
        slaves.get(1).destroyForcibly().waitFor();
        Fixtures.waitUntil("the dead slave to be shown down", () -> shell.run("nodes").text()
                .lines().anyMatch(l -> l.startsWith(addresses.get(1)) && l.contains("down")));

        String added = error("dist.add(2)");
        assertTrue(added.contains(addresses.get(0)) && added.contains("adding users 7..8"), added);
        assertTrue(added.contains(addresses.get(1) + " is down"), added);
        String status = ok("dist.status");
        assertTrue(status.lines().anyMatch(l -> l.startsWith(addresses.get(1)) && l.contains("down")), status);
        assertTrue(status.lines().anyMatch(l -> l.startsWith(addresses.get(0)) && l.contains("running")), status);
        Fixtures.waitUntil("5 users on the live slave", () -> usersOn(addresses.get(0)).equals("5"));
        assertTrue(ok("dist.status").contains("\ntotal: 5 users on 1 of 2 slaves, 0 failures"));
        String removed = error("dist.remove(2, force=true)");
        assertTrue(removed.contains("removed 7..8"), removed);
        assertTrue(error("dist.stop").contains(addresses.get(0) + "  stopped"));
    }

    /** The users column of a node's row in dist.status. */
    private String usersOn(String node) {
        return shell.run("dist.status").text().lines().filter(l -> l.startsWith(node + " ")).findFirst()
                .map(l -> l.split("\\s+")[3]).orElse("?");
    }

    @Test
    @Order(6)
    void disconnectForgetsASlaveAndNamesTheConnectedOnesWhenItIsUnknown() {
        assertEquals("disconnected " + addresses.get(1) + ": it did not answer; its users stop after its master_silence_timeout",
                ok("dist.disconnect(\"" + addresses.get(1) + "\")"));
        assertFalse(ok("nodes").contains(addresses.get(1)));
        String unknown = error("dist.disconnect(\"" + addresses.get(1) + "\")");
        assertTrue(unknown.contains("connected are " + addresses.get(0)), unknown);
        assertTrue(ok("dist.status").contains(addresses.get(0)));
    }

    @Test
    @Order(7)
    void theSlaveSubcommandRefusesLoopbackUnlessAsked() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ShellEnvironment env = new ShellEnvironment(dir, new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err), false);
        int status = new CommandLine(new SlaveCommand(env)).execute("--bind", "127.0.0.1",
                "--config", dir.resolve("missing.properties").toString());
        assertEquals(2, status);
        assertTrue(err.toString().contains("no such file"), err.toString());

        err.reset();
        status = new CommandLine(new SlaveCommand(env)).execute("--bind", "127.0.0.1");
        assertEquals(2, status);
        assertTrue(err.toString().contains("--allow-loopback"), err.toString());
    }

    @Test
    @Order(8)
    void closingTheShellStopsTheDistributedRunOnTheSlavesThatAnswer() throws Exception {
        ok("dist.do(SleepsForAMinute, 1, 2)");
        Fixtures.waitUntil("2 users on the live slave", () -> usersOn(addresses.get(0)).equals("2"));
        Cluster cluster = master.slaves().ifStarted().orElseThrow();

        master.close(java.time.Duration.ofSeconds(5));

        NodeStatus status = cluster.status().byNode().values().stream()
                .map(r -> ((NodeResult.Ok<NodeStatus>) r).value()).findFirst().orElseThrow();
        assertEquals(NodeState.FINISHED, status.state());
        assertEquals(0, status.usersAlive());
    }
}
