package io.amoc.logs;

import io.amoc.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Levels set through the configuration apply to this JVM's loggers at once; the recent lines show the result. */
class LogLevelsTest {

    private static final String SCENARIO_LOGGER = "LogsAtEveryLevel";
    private final Logger scenario = LoggerFactory.getLogger(SCENARIO_LOGGER);
    private final String token = UUID.randomUUID().toString();

    @BeforeEach
    void followTheConfig() {
        Config.install(new Config(Map.of(), Map.of()));
        LogLevels.followConfig();
    }

    @AfterEach
    void levelsBack() {
        Config.global().unset("log_level." + SCENARIO_LOGGER);
        Config.global().unset("log_level.io.amoc.logs");
    }

    @Test
    void aScenarioLogsAtInfoByDefaultAndAmocOnlyWarnings() {
        scenario.info("info from the scenario {}", token);
        scenario.debug("debug from the scenario {}", token);
        LoggerFactory.getLogger("io.amoc.logs.Quiet").info("info from amoc {}", token);

        List<String> lines = linesWith(token);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.getFirst().endsWith("[INFO] LogsAtEveryLevel - info from the scenario " + token), lines.getFirst());
        assertEquals("info", LogLevels.effectiveLevel(SCENARIO_LOGGER));
        assertEquals("warn", LogLevels.effectiveLevel("io.amoc.xmpp"));
    }

    @Test
    void aLevelSetAtRunTimeAppliesAtOnceAndItsRemovalGivesTheStartingLevelBack() {
        Config.global().set("log_level." + SCENARIO_LOGGER, "debug");
        scenario.debug("debug after the change {}", token);
        Config.global().set("log_level." + SCENARIO_LOGGER, "error");
        scenario.warn("warning while at error {}", token);
        Config.global().unset("log_level." + SCENARIO_LOGGER);
        scenario.info("info once more {}", token);

        List<String> lines = linesWith(token);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("[DEBUG] LogsAtEveryLevel - debug after the change"), lines.get(0));
        assertTrue(lines.get(1).contains("[INFO] LogsAtEveryLevel - info once more"), lines.get(1));
    }

    @Test
    void aPackageLevelReachesItsLoggersAndALevelThatIsNoneIsIgnored() {
        Config.global().set("log_level.io.amoc.logs", "info");
        LoggerFactory.getLogger("io.amoc.logs.Chatty").info("amoc info now shown {}", token);
        Config.global().set("log_level.io.amoc.logs", "loud");   // only a test can get past config.set's check

        assertEquals(1, linesWith(token).size());
        assertEquals("info", LogLevels.effectiveLevel("io.amoc.logs.Chatty"), "unchanged by a level that is none");
        assertFalse(linesWith("amoc info now shown").isEmpty());
    }

    private static List<String> linesWith(String text) {
        return RecentLines.last(RecentLines.KEPT).stream().filter(line -> line.contains(text)).toList();
    }
}
