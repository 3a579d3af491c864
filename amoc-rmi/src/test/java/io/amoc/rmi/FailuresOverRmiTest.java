package io.amoc.rmi;

import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.RunOptions;
import io.amoc.compile.ScenarioBundle;
import io.amoc.compile.ScenarioCatalog;
import io.amoc.config.Config;
import io.amoc.engine.FailureGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A slave's failure groups travel to the master through the slave-answer allowlist. */
class FailuresOverRmiTest {

    private static final String SOURCE = """
            import io.amoc.scenario.Scenario;

            public class FailsOnEvenIds implements Scenario<Void> {
                @Override
                public void start(long userId, Void state) throws Exception {
                    if (userId % 2 == 0) {
                        throw new IllegalStateException("even user " + userId + " fails");
                    }
                    Thread.sleep(Long.MAX_VALUE);
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aSlavesFailureGroupsComeBackWithCauseCountAndStackTrace() throws Exception {
        Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(scenarios.resolve("FailsOnEvenIds.java"), SOURCE);
        ScenarioBundle bundle = new ScenarioCatalog(List.of(scenarios)).bundle("FailsOnEvenIds");
        try (SlaveProcess slave = SlaveProcess.start(dir.resolve("slave"), Duration.ofSeconds(30))) {
            Config.install(new Config(Map.of(), Map.of("interarrival", "0")));
            Distribution master = Distribution.start(new Config(Map.of(), Map.of("hosts", "[\"" + slave.address() + "\"]",
                    "tls_dir", "\"" + SlaveProcess.tlsDir() + "\"")));
            try {
                assertTrue(master.cluster().start(bundle, 1, 10, RunOptions.all()).allOk());
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                ClusterResult<List<FailureGroup>> failures = master.cluster().failures();
                while (System.nanoTime() < deadline && (!failures.allOk()
                        || failures.values().get(slave.address()).stream().mapToLong(FailureGroup::count).sum() < 5)) {
                    Thread.sleep(100);
                    failures = master.cluster().failures();
                }

                assertTrue(failures.allOk(), failures.toString());
                List<FailureGroup> groups = failures.values().get(slave.address());
                assertEquals(1, groups.size(), groups.toString());
                assertEquals(5, groups.get(0).count());
                assertEquals("IllegalStateException: even user <n> fails at FailsOnEvenIds.java:7", groups.get(0).cause());
                assertTrue(groups.get(0).stackTrace().contains("FailsOnEvenIds.start"), groups.get(0).stackTrace());
            } finally {
                master.cluster().stop();
                master.close();
            }
        }
    }
}
