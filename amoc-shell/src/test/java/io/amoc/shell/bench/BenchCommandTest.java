package io.amoc.shell.bench;

import io.amoc.config.Config;
import io.amoc.shell.ExitCode;
import io.amoc.shell.ShellRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchCommandTest {

    @TempDir
    Path home;

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
    void benchEngineRunsTheEngineBenchmarkAndPrintsItsFigures() {
        ShellRun run = ShellRun.of(home, "", "bench", "engine", "--users", "300");

        assertEquals(0, run.exitStatus(), run.err());
        assertTrue(run.out().contains("amoc engine benchmark: 300 users"), run.out());
        assertTrue(run.out().contains("300 removed, 0 stragglers"), run.out());
        assertTrue(run.out().matches("(?s).*spawn: +300 users alive after [0-9.]+ s.*"), run.out());
    }

    @Test
    void benchWithoutABenchmarkSaysWhichOnesThereAre() {
        ShellRun run = ShellRun.of(home, "", "bench");

        assertEquals(ExitCode.USAGE.status(), run.exitStatus());
        assertEquals("amoc: which benchmark? e.g. bin/amoc bench engine (bin/amoc bench --help lists them)\n", run.err());
    }
}
