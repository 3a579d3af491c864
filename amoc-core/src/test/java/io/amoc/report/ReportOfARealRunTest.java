package io.amoc.report;

import io.amoc.browser.HeadlessChromium;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amoc.cluster.ClusterAccessException;
import io.amoc.command.LoadTestListener;
import io.amoc.command.LoadTestRequest;
import io.amoc.command.LoadTestResult;
import io.amoc.command.Master;
import io.amoc.command.MasterSetup;
import io.amoc.command.Target;
import io.amoc.config.Config;
import io.amoc.engine.Fixtures;
import io.amoc.metrics.NodeMetrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report of a real run: a scenario compiled and run by the master's own node for a second and a half, sampled
 * every 0.2 s, its report written by the command layer, then checked against the JUnit schema and opened in Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportOfARealRunTest {

    private static final List<String> THRESHOLDS = List.of("p99(greeting) < 5s", "count(greetings) > 0");

    @TempDir
    static Path dir;
    private LoadTestResult result;
    private Path report;

    @BeforeAll
    void runGreetersForASecondAndAHalf() throws Exception {
        Config config = new Config(Map.of(), Map.of());
        Config.install(config);
        NodeMetrics.install(new NodeMetrics());
        config.set("interarrival", 0L);
        config.set("repeat_interval", 20L);
        config.set("report_interval", 0.2);
        Master master = Master.start(MasterSetup.of(dir, List.of(Fixtures.resourceDir("scenarios")),
                dir.resolve("uploads"), config, c -> {
                    throw new ClusterAccessException("this test runs no slaves");
                }));
        report = dir.resolve("report");
        try {
            result = master.runLoadTest(new LoadTestRequest(Target.LOCAL, "GreetsAndTimesIt", 5, OptionalDouble.empty(),
                    Optional.of(Duration.ofMillis(1500)), THRESHOLDS, Optional.of(report)), LoadTestListener.NONE);
        } finally {
            master.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void itsJunitXmlValidatesAgainstTheJunitSchemaWithACasePerThreshold() throws Exception {
        ReportWriterTest.validate(report.resolve("junit.xml"));
        String xml = Files.readString(report.resolve("junit.xml"));
        assertTrue(xml.contains("name=\"p99(greeting) &lt; 5s\"") && xml.contains("name=\"count(greetings) &gt; 0\""),
                xml);
    }

    @Test
    void itsSummaryJsonHoldsTheRunsFiguresAndManifest() throws Exception {
        JsonNode summary = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
        long greetings = result.stopped().orElseThrow().summary().orElseThrow().run().counters().get("greetings");

        assertTrue(greetings > 5, "the users greeted repeatedly: " + greetings);
        assertEquals(greetings, summary.at("/cluster/counters/greetings/count").asLong());
        assertEquals(greetings, summary.at("/cluster/times/greeting/count").asLong());
        assertEquals("GreetsAndTimesIt", summary.at("/scenario/name").asText());
        assertEquals(1, summary.at("/manifest/nodes").size());
        assertEquals(Runtime.version().feature(), Integer.parseInt(summary.at("/manifest/nodes/0/jdk").asText()
                .split("[.+ ]")[0]));
        assertEquals("0.2", summary.at("/manifest/config/report_interval/value").asText());
        assertEquals(result.lasted().orElseThrow().toMillis() / 1000.0, summary.at("/duration_s").asDouble(), 0.0005,
                "the recording's length is the run's");
        assertTrue(summary.at("/duration_s").asDouble() >= 1, "about the 1.5 s asked for: " + summary.at("/duration_s"));
    }

    @Test
    void itsPageDrawsEveryPlotAndListsTheThresholdsWithoutConsoleErrors() throws Exception {
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            chromium.driver().get(report.resolve("index.html").toUri().toString());

            // users, rates, two times (greeting, connection), generator CPU and lag
            DrawnPlots.assertEveryPlotDrawn(chromium, 6);
            String thresholds = chromium.driver().findElement(By.id("thresholds")).getText();
            THRESHOLDS.forEach(t -> assertTrue(thresholds.contains(t), thresholds));
            assertEquals(result.verdict().reason(), chromium.driver().findElement(By.id("verdict")).getText());
            assertEquals(List.of(), chromium.consoleErrors());
        }
    }
}
