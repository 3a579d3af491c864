package io.amoc.shell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amoc.config.Config;
import io.amoc.health.GeneratorHealth;
import io.amoc.shell.Fixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the tests of bin/amoc run share: generator limits out of reach; the printed summary against summary.json. */
final class RunFixtures {

    /** Config lines under which no generator counts as overloaded (the test machine is shared with other builds). */
    static final String UNREACHABLE_LIMITS = """
            generator_cpu_limit = 100
            generator_lag_limit = 86400000
            generator_heap_limit = 100
            """;

    private static final Pattern HEADER = Pattern.compile("run summary \\((.+), .+\\): users at the stop ([0-9,]+)");
    private static final Pattern ROW = Pattern.compile("^(\\S+) +(\\S+) +(\\S+)(?: +(\\S+) +(\\S+) +(\\S+))?$");

    private RunFixtures() {
    }

    static String file(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Puts {@code configFile}'s limits in place for this JVM's generator watch and waits until it no longer counts
     * itself overloaded, so that no spell of an earlier test overlaps the next run.
     */
    static void awaitHealthyGenerator(Path configFile) throws Exception {
        Config.install(MasterOptions.read(configFile));
        GeneratorHealth health = GeneratorHealth.ofThisJvm();
        Fixtures.waitUntil("this JVM's generator to be healthy under the raised limits",
                () -> health.overloaded().isEmpty());
    }

    /** Every figure of the printed run summary equals the one in summary.json, formatted as the shell formats it. */
    static void assertSummaryJsonMatchesThePrintedSummary(String out, Path summaryJson) throws IOException {
        JsonNode cluster = new ObjectMapper().readTree(summaryJson.toFile()).get("cluster");
        String[] lines = out.substring(out.indexOf("run summary (")).split("\n");
        Matcher header = HEADER.matcher(lines[0]);
        assertTrue(header.matches(), lines[0]);
        assertEquals(cluster.get("users").asLong(), number(header.group(2)));
        int row = 2;
        for (; !lines[row].startsWith("time (the run)"); row++) {
            Matcher counter = ROW.matcher(lines[row]);
            assertTrue(counter.matches(), lines[row]);
            JsonNode json = cluster.at("/counters/" + counter.group(1));
            assertEquals(json.get("count").asLong(), number(counter.group(2)), lines[row]);
            assertEquals(String.format(Locale.ROOT, "%.1f", json.get("rate").asDouble()), counter.group(3), lines[row]);
        }
        assertEquals(cluster.get("counters").size(), row - 2, "every counter is printed");
        int times = cluster.get("times").size();
        for (int end = ++row + times; row < end; row++) {
            Matcher time = ROW.matcher(lines[row]);
            assertTrue(time.matches(), lines[row]);
            JsonNode json = cluster.at("/times/" + time.group(1));
            assertEquals(json.get("count").asLong(), number(time.group(2)), lines[row]);
            if (json.get("count").asLong() > 0) {
                assertEquals(micros(json.get("p50_us").asLong()), time.group(3), lines[row]);
                assertEquals(micros(json.get("p95_us").asLong()), time.group(4), lines[row]);
                assertEquals(micros(json.get("p99_us").asLong()), time.group(5), lines[row]);
                assertEquals(micros(json.get("max_us").asLong()), time.group(6), lines[row]);
            }
        }
        assertTrue(lines[row].startsWith("report: ") || lines[row].startsWith("thresholds:"),
                "every time is printed, and nothing else: " + lines[row]);
    }

    private static long number(String printed) {
        return Long.parseLong(printed.replace(",", ""));
    }

    /** A time as the shell prints it: µs below a millisecond, then three significant digits in ms or s. */
    private static String micros(long micros) {
        if (micros < 1_000) {
            return micros + "µs";
        }
        double value = micros < 1_000_000 ? micros / 1_000.0 : micros / 1_000_000.0;
        String digits = String.format(Locale.ROOT, value < 10 ? "%.2f" : value < 100 ? "%.1f" : "%.0f", value);
        return digits + (micros < 1_000_000 ? "ms" : "s");
    }
}
