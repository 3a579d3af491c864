package io.amoc.bench;

import io.amoc.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineBenchTest {

    private Config before;

    @BeforeEach
    void freshConfig() {
        before = Config.global();
        Config.install(new Config(Map.of(), Map.of()));
    }

    @AfterEach
    void restoreConfig() {
        Config.install(before);
    }

    @Test
    void theEngineBenchmarkRunsAndPrintsItsFigures() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new CommandLine(new EngineBench()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("--users", "300");

        assertEquals(0, status, err.toString());
        assertTrue(out.toString().contains("amoc engine benchmark: 300 users"), out.toString());
        assertTrue(out.toString().contains("300 removed, 0 stragglers"), out.toString());
        assertTrue(out.toString().matches("(?s).*spawn: +300 users alive after [0-9.]+ s.*"), out.toString());
    }
}
