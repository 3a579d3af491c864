package io.amoc.rmi;

import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.RunOptions;
import io.amoc.compile.ScenarioBundle;
import io.amoc.compile.ScenarioCatalog;
import io.amoc.config.Config;
import io.amoc.metrics.MetricsSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example OneToOneChat scenario distributed over two slave JVMs against a real XMPP server from
 * bin/xmpp-sandbox (Prosody, or ejabberd when the system property amoc.test.xmpp.server says so): odd users log
 * in from one slave, even users from the other, and they chat across slaves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XmppOverTwoSlavesTest {

    private static final int USERS = 10;
    private static final Duration SILENCE = Duration.ofSeconds(30);
    private static final Duration RUN_DEADLINE = Duration.ofSeconds(60);
    private static final long SCRIPT_TIMEOUT_SECONDS = 60;

    @TempDir
    static Path dir;
    private Path project;
    private Path sandboxDir;
    private SlaveProcess first;
    private SlaveProcess second;
    private Distribution master;

    @BeforeAll
    void startServerSlavesAndMaster() throws Exception {
        project = projectDir();
        org.junit.jupiter.api.Assumptions.assumeTrue(project != null,
                "bin/xmpp-sandbox and io.amoc.xmpp are not in this tree yet (they come with the XMPP branch)");
        sandboxDir = Files.createTempDirectory("amoc-xmpp-dist-sandbox");
        int port = freePort();
        String server = System.getProperty("amoc.test.xmpp.server", "prosody");
        List<String> start = new ArrayList<>(List.of("start", "--server", server, "--users", "20",
                "--port", Integer.toString(port), "--dir", sandboxDir.toString()));
        if (server.equals("ejabberd")) {
            start.addAll(List.of("--dist-port", Integer.toString(freePort())));
        }
        sandbox(start.toArray(String[]::new));
        first = SlaveProcess.start(dir.resolve("slave-1"), SILENCE);
        second = SlaveProcess.start(dir.resolve("slave-2"), SILENCE);
        Config.install(new Config(Map.of(), Map.of()));
        Map.<String, Object>of("xmpp_port", (long) port, "interarrival", 0L, "repeat_num", 1L,
                "chat_neighbours", 1L, "chat_rounds", 2L,
                "chat_message_interval", 1500L).forEach(Config.global()::set);
        master = Distribution.start(new Config(Map.of(), Map.of("hosts",
                "[\"" + first.address() + "\", \"" + second.address() + "\"]", "tls_dir", "\"" + SlaveProcess.tlsDir() + "\"")));
    }

    @AfterAll
    void stopAll() throws Exception {
        if (project == null) {
            return;
        }
        if (master != null) {
            master.close();
        }
        for (SlaveProcess slave : new SlaveProcess[]{first, second}) {
            if (slave != null) {
                slave.close();
            }
        }
        if (sandboxDir == null) {
            return;
        }
        sandbox("stop", "--dir", sandboxDir.toString());
        try (var files = Files.walk(sandboxDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    void oneToOneChatRunsOnBothSlavesAndItsMessagesCrossBetweenThem() throws Exception {
        ScenarioBundle bundle = new ScenarioCatalog(List.of(project.resolve("scenarios"))).bundle("OneToOneChat");

        ClusterResult<Void> started = master.cluster().start(bundle, 1, USERS, RunOptions.all());

        assertTrue(started.allOk(), started.toString());
        // Each user writes to its neighbour id-1, which runs on the other slave, in 2 rounds: user 1 has no id 0, so
        // 2 * (10 - 1) = 18 messages are sent. Every one is counted once where it comes back, on either slave:
        // received, or bounced (the neighbour on the other slave may not be logged in yet or any more: the slaves
        // start their users apart), or stale (none here: no storage, one run).
        long expectedSent = 2L * (USERS - 1);
        Map<String, MetricsSnapshot> metrics = Eventually.value("every message to be accounted for", RUN_DEADLINE, () -> {
            Map<String, MetricsSnapshot> now = master.cluster().metrics().values();
            long sent = total(now, "messages_sent");
            long accounted = total(now, "messages_received") + total(now, "messages_undelivered")
                    + total(now, "messages_stale");
            return sent == expectedSent && accounted == sent ? java.util.Optional.of(now) : java.util.Optional.empty();
        });
        for (SlaveProcess slave : List.of(first, second)) {
            MetricsSnapshot snapshot = metrics.get(slave.address());
            assertEquals(USERS / 2, snapshot.counters().getOrDefault("connections", 0L), slave.address());
            assertEquals(0L, snapshot.counters().getOrDefault("connection_failures", 0L), slave.address());
            assertTrue(snapshot.counters().getOrDefault("messages_received", 0L) > 0, slave.address());
        }
        master.cluster().stop();
    }

    private static long total(Map<String, MetricsSnapshot> metrics, String counter) {
        return metrics.values().stream().mapToLong(m -> m.counters().getOrDefault(counter, 0L)).sum();
    }

    private void sandbox(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(project.resolve("bin/xmpp-sandbox").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("bin/xmpp-sandbox " + args[0] + " did not finish");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("bin/xmpp-sandbox " + String.join(" ", args) + " failed: " + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The project root holding bin/xmpp-sandbox, or null when this tree has none. */
    private static Path projectDir() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isExecutable(d.resolve("bin/xmpp-sandbox"))) {
                return d;
            }
        }
        return null;
    }
}
