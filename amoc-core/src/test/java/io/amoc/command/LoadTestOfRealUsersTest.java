package io.amoc.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amoc.cluster.Cluster;
import io.amoc.cluster.LocalNodeHandle;
import io.amoc.cluster.NodeHandle;
import io.amoc.compile.ScenarioCatalog;
import io.amoc.compile.ScenarioCompileException;
import io.amoc.config.Config;
import io.amoc.engine.Fixtures;
import io.amoc.engine.NodeController;
import io.amoc.verdict.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole load tests and starts on the node inside the master, running real users of real fixture scenarios: a run
 * that cannot start, or whose users cannot be stopped, still ends with its report and an error verdict saying why;
 * a slow init is told of while it runs.
 */
class LoadTestOfRealUsersTest {

    /** Starting, compiling and an init's first word take a while on a busy machine. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(20);

    @TempDir
    Path dir;

    private final Config config = new Config(Map.of(), Map.of());
    private Master master;

    @BeforeEach
    void startMaster() throws Exception {
        Fixtures.freshConfigAndMetrics();
        Config.install(config);
        config.set("interarrival", 0L);
        config.set("repeat_interval", 0L);
        config.set("report_interval", 0.05);
        config.set("remove_grace_period", 0.2);
        Path scenarios = MasterFixture.copyFixture(dir.resolve("scenarios"), "InitFails");
        for (String name : List.of("IgnoresInterrupts", "InitWaitsUntilCancelled")) {
            MasterFixture.copyFixture(scenarios, name);
        }
        Files.copy(Path.of(getClass().getResource("/scenarios-broken/Broken.java").toURI()),
                scenarios.resolve("Broken.java"));
        ScenarioCatalog catalog = new ScenarioCatalog(List.of(scenarios));
        NodeHandle node = new LocalNodeHandle(new NodeController("local"));
        Cluster local = new Cluster(() -> List.of(node));
        master = Master.start(new MasterSetup(config, catalog, dir.resolve("uploads"), local,
                c -> new InMemorySlaves()));
    }

    @AfterEach
    void releaseAndClose() throws InterruptedException {
        config.set("release", true);
        master.close(Duration.ofSeconds(1));
    }

    private LoadTestRequest request(String scenario, Duration duration) {
        return new LoadTestRequest(Target.LOCAL, scenario, 2, OptionalDouble.empty(), Optional.of(duration),
                List.of(), Optional.of(dir.resolve("report")));
    }

    private JsonNode summary() throws Exception {
        return new ObjectMapper().readTree(dir.resolve("report/summary.json").toFile());
    }

    @Test
    void aLoadTestWhoseInitThrowsWritesItsReportWithAnErrorVerdictSayingWhy() throws Exception {
        LoadTestResult result = master.runLoadTest(request("InitFails", Duration.ofSeconds(30)),
                LoadTestListener.NONE);

        assertEquals(Verdict.Outcome.ERROR, result.verdict().outcome());
        assertTrue(result.verdict().reason().startsWith("error: the run started on no node: local: ")
                && result.verdict().reason().contains("the server is not there"), result.verdict().reason());
        assertTrue(result.report().isPresent(), "the report was written");
        assertEquals("error", summary().at("/verdict/outcome").asText());
        assertEquals(result.verdict().reason(), summary().at("/verdict/reason").asText());
        String junit = Files.readString(dir.resolve("report/junit.xml"));
        assertTrue(junit.contains("errors=\"1\"") && junit.contains("the server is not there"), junit);
        assertTrue(Files.exists(dir.resolve("report/index.html")));
    }

    @Test
    void aLoadTestOfAScenarioThatDoesNotCompileOrIsUnknownWritesItsReportSayingSo() throws Exception {
        ScenarioCompileException refused = assertThrows(ScenarioCompileException.class,
                () -> master.runLoadTest(request("Broken", Duration.ofSeconds(30)), LoadTestListener.NONE));

        String reason = summary().at("/verdict/reason").asText();
        assertEquals("error", summary().at("/verdict/outcome").asText());
        assertEquals("error: Broken does not compile: " + refused.getMessage().lines().findFirst().orElseThrow(),
                reason);
        assertTrue(reason.contains("Broken.java:7:"), reason);
        assertTrue(Files.readString(dir.resolve("report/junit.xml")).contains("errors=\"1\""));

        assertThrows(io.amoc.compile.UnknownScenarioException.class,
                () -> master.runLoadTest(request("Brokn", Duration.ofSeconds(30)), LoadTestListener.NONE));
        assertTrue(summary().at("/verdict/reason").asText().startsWith("error: unknown scenario 'Brokn'"),
                summary().toString());
    }

    @Test
    void aLoadTestWhoseUsersIgnoreTheStopIsAnErrorNamingHowManyStillRunOnWhichNode() throws Exception {
        LoadTestResult result = master.runLoadTest(request("IgnoresInterrupts", Duration.ofMillis(300)),
                LoadTestListener.NONE);

        assertEquals(Verdict.Outcome.ERROR, result.verdict().outcome());
        assertEquals("error: the run did not end cleanly: 2 users on local ignored the stop and still ran after"
                + " remove_grace_period: they ignore interruption (status shows them as stragglers)",
                result.verdict().reason());
        assertEquals(result.verdict().reason(), summary().at("/verdict/reason").asText());
        assertTrue(Files.readString(dir.resolve("report/junit.xml")).contains("errors=\"1\""));
    }

    @Test
    void aLoadTestWhoseInitTakesLongSaysSoWhileItRunsAndCancellingItsStartIsAnError() throws Exception {
        List<String> told = new CopyOnWriteArrayList<>();
        LoadTestListener listener = new LoadTestListener() {
            @Override
            public void initRunning(String scenario, Duration elapsed) {
                told.add(scenario + " " + elapsed.toSeconds());
            }
        };
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        Thread starting = Thread.ofPlatform().name("starts-a-slow-init").start(() -> {
            try {
                outcome.complete(master.runLoadTest(request("InitWaitsUntilCancelled", Duration.ofSeconds(30)),
                        listener));
            } catch (Exception e) {
                outcome.complete(e);
            }
        });
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (told.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
        }
        assertEquals(1, told.size(), "one word after " + InitProgress.FIRST_AFTER + ": " + told);
        String[] first = told.get(0).split(" ");
        assertEquals("InitWaitsUntilCancelled", first[0]);
        assertTrue(Long.parseLong(first[1]) >= InitProgress.FIRST_AFTER.toSeconds(), told.toString());

        starting.interrupt();   // Ctrl-C

        LoadTestResult cancelled = assertInstanceOf(LoadTestResult.class,
                outcome.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        assertEquals(Verdict.Outcome.ERROR, cancelled.verdict().outcome());
        assertTrue(cancelled.verdict().reason().contains("InitWaitsUntilCancelled.init() was cancelled"),
                cancelled.verdict().reason());
        assertEquals(1, told.size(), "no word once the start returned: " + told);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)   // an init left running would hold the load test for ever
    void ctrlCDuringTheSlowInitOfALoadTestCancelsItsStartAndWritesItsReport() throws Exception {
        LoadTestInterruption interruption = new LoadTestInterruption();
        LoadTestListener interruptsOnFirstWord = new LoadTestListener() {
            @Override
            public void initRunning(String scenario, Duration elapsed) {
                interruption.request();   // what bin/amoc run does on SIGINT or SIGTERM
            }
        };

        LoadTestResult result = master.runLoadTest(request("InitWaitsUntilCancelled", Duration.ofSeconds(30)),
                interruptsOnFirstWord, interruption);

        assertEquals(Verdict.Outcome.ERROR, result.verdict().outcome());
        assertTrue(result.verdict().reason().contains("InitWaitsUntilCancelled.init() was cancelled"),
                result.verdict().reason());
        assertEquals(result.verdict().reason(), summary().at("/verdict/reason").asText());
        assertTrue(master.local().running().isEmpty(), "nothing runs");
    }
}
