package io.amoc.rmi;

import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.RunOptions;
import io.amoc.compile.LibraryJar;
import io.amoc.compile.ScenarioBundle;
import io.amoc.compile.ScenarioCatalog;
import io.amoc.config.Config;
import io.amoc.engine.IdRange;
import io.amoc.engine.NodeController;
import io.amoc.metrics.NodeMetrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scenario that imports a class from a jar in its lib/ folder, which only the master has: it runs in the master's
 * own node and on two real slave JVMs (RMI over TLS) that never had the jar. The scenario's log lines on each slave
 * are read from the master, and a level the master sets applies on the slaves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScenarioLibrariesOnSlavesTest {

    private static final Duration SILENCE = Duration.ofSeconds(10);
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final String NAME = "GreetsAndLogs";
    private static final String SOURCE = """
            import io.amoc.scenario.AmocMetrics;
            import io.amoc.scenario.Scenario;
            import org.example.greeting.Greeting;
            import org.slf4j.Logger;
            import org.slf4j.LoggerFactory;

            public class GreetsAndLogs implements Scenario<String> {
                private static final Logger LOG = LoggerFactory.getLogger(GreetsAndLogs.class);

                @Override
                public String init() {
                    return Greeting.text();
                }

                @Override
                public void start(long userId, String greeting) {
                    LOG.info("user {} greeted with {}", userId, greeting);
                    LOG.debug("details of user {}", userId);
                    AmocMetrics.count("greeted_with_" + greeting);
                }
            }
            """;

    @TempDir
    static Path dir;
    private SlaveProcess first;
    private SlaveProcess second;
    private Distribution master;
    private ScenarioBundle bundle;

    @BeforeAll
    void startMasterAndSlaves() throws Exception {
        first = SlaveProcess.start(dir.resolve("slave-1"), SILENCE);
        second = SlaveProcess.start(dir.resolve("slave-2"), SILENCE);
        Config.install(new Config(Map.of(), Map.of()));
        Config.global().set("interarrival", 0L);
        Config.global().set("repeat_num", 1L);
        NodeMetrics.install(new NodeMetrics());
        master = Distribution.start(new Config(Map.of(), Map.of("hosts", "[\"" + first.address() + "\", \""
                + second.address() + "\"]", "rmi_connect_timeout", "2", "rmi_read_timeout", "20",
                "tls_dir", "\"" + SlaveProcess.tlsDir() + "\"")));
        Path scenarios = Files.createDirectories(dir.resolve("master-scenarios"));
        Files.writeString(scenarios.resolve(NAME + ".java"), SOURCE);
        LibraryJar.write(scenarios.resolve("lib/greeting.jar"), "from_lib");
        bundle = new ScenarioCatalog(List.of(scenarios)).bundle(NAME);
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (master != null) {
            master.close();
        }
        first.close();
        second.close();
    }

    @Test
    @Order(1)
    void theScenarioRunsInTheMastersOwnNodeWithItsJar() throws Exception {
        NodeController local = new NodeController("local");
        local.start(bundle, Map.of());
        local.addUsers(IdRange.of(1, 2));
        Eventually.until("both local users greeted", DEADLINE, () -> NodeMetrics.current().snapshot("local")
                .counters().getOrDefault("greeted_with_from_lib", 0L) == 2);
        local.stop();
    }

    @Test
    @Order(2)
    void theScenarioRunsOnTwoSlavesThatNeverHadTheJar() throws Exception {
        for (Path slaveDir : List.of(dir.resolve("slave-1"), dir.resolve("slave-2"))) {
            try (Stream<Path> files = Files.walk(slaveDir)) {
                assertFalse(files.anyMatch(f -> f.toString().endsWith(".jar")), "a slave had a jar");
            }
        }
        assertFalse(System.getProperty("java.class.path").contains("greeting"), "no class path has the library");

        ClusterResult<Void> started = master.cluster().start(bundle, 1, 4, RunOptions.all());

        assertTrue(started.allOk(), started.toString());
        Eventually.until("4 users greeted on the slaves", DEADLINE, () -> greetedOnSlaves() == 4);
        master.cluster().status().values().values().forEach(s -> assertEquals(bundle.sha256(), s.sha256(), s.node()));
    }

    @Test
    @Order(3)
    void eachSlavesLinesAreReadFromTheMasterAndALevelSetThereAppliesOnEverySlave() throws Exception {
        Map<String, List<String>> before = master.cluster().recentLogLines(100, RunOptions.all()).values();
        assertTrue(hasLine(before.get(first.address()), "[INFO] GreetsAndLogs - user 1 greeted with from_lib"), before.toString());
        assertTrue(hasLine(before.get(second.address()), "[INFO] GreetsAndLogs - user 2 greeted with from_lib"), before.toString());
        assertFalse(hasLine(before.get(first.address()), "details of user"), "debug is off by default");

        assertTrue(master.cluster().setConfig("log_level." + NAME, "debug").allOk());
        master.cluster().add(2, RunOptions.all());

        Eventually.until("users 5 and 6 to log their details at debug", DEADLINE, () -> {
            Map<String, List<String>> after = master.cluster().recentLogLines(100, RunOptions.all()).values();
            return hasLine(after.get(first.address()), "[DEBUG] GreetsAndLogs - details of user 5")
                    && hasLine(after.get(second.address()), "[DEBUG] GreetsAndLogs - details of user 6");
        });
    }

    private long greetedOnSlaves() {
        return master.cluster().metrics().values().values().stream()
                .mapToLong(m -> m.counters().getOrDefault("greeted_with_from_lib", 0L)).sum();
    }

    private static boolean hasLine(List<String> lines, String text) {
        return lines != null && lines.stream().anyMatch(line -> line.contains(text));
    }
}
