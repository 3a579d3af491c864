package io.amoc.command;

import io.amoc.cluster.InMemoryNode;
import io.amoc.config.ConfigKey;
import io.amoc.config.ConfigKeys;
import io.amoc.config.ConfigSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** config.get, config.set and config.list of the command layer, over in-memory slaves. */
class SettingsTest {

    @TempDir
    Path dir;

    private final InMemoryNode a = InMemoryNode.up("a:1");
    private final InMemoryNode b = InMemoryNode.down("b:1");
    private MasterFixture fixture;
    private Settings settings;

    @BeforeEach
    void startMaster() {
        fixture = new MasterFixture(dir, new InMemorySlaves(a, b));
        settings = fixture.master.settings();
    }

    @AfterEach
    void closeMaster() throws InterruptedException {
        fixture.close();
    }

    @Test
    void aValueThatMakesNoSenseIsRefusedAndChangesNothing() throws Exception {
        fixture.master.slaves().nodes();
        Map<String, Object> refused = Map.of("repeat_num", -1L, "interarrival", "abc", "remove_grace_period", 1e308,
                "my_list", List.of(List.of(List.of(List.of(1L)))));
        for (Map.Entry<String, Object> value : refused.entrySet()) {
            BadRequestException e = assertThrows(BadRequestException.class,
                    () -> settings.set(value.getKey(), value.getValue()));
            assertTrue(e.getMessage().startsWith("config.set: " + value.getKey()), e.getMessage());
            assertEquals(ConfigSource.DEFAULT, settings.get(value.getKey()).source());
        }
        assertEquals("config.set: repeat_num must be a positive whole number or infinity, got -1",
                assertThrows(BadRequestException.class, () -> settings.set("repeat_num", -1L)).getMessage());
        assertTrue(a.configured.isEmpty(), "nothing was pushed: " + a.configured);
    }

    @Test
    void aKeyThatIsNotAmocsButNearlyOneOfItsKeysIsSetAndSaysWhichKeyItResembles() throws Exception {
        assertEquals(Optional.of("interarrival"), settings.set("interarival", 0L).resembles());
        assertEquals(Optional.of("interarrival"), settings.set("Interarrival", 0L).resembles());
        assertEquals(Optional.of("repeat_num"), settings.set("repeat_nums", 3L).resembles());
        assertEquals(Optional.empty(), settings.set("greeting", "hello").resembles());
        assertEquals(Optional.of("not one of amoc's keys, so only a scenario that reads it sees it: did you mean"
                + " repeat_num?"), settings.set("repeat_nums", 3L).hint());
        assertEquals(Optional.empty(), settings.set("greeting", "hello").hint());
        assertEquals(Optional.empty(), settings.set("interarrival", 0L).resembles());
        assertEquals(Optional.of(0L), settings.get("interarival").value(), "set all the same: a scenario may read it");
    }

    @Test
    void aLogLevelIsAConfigValuePushedToTheSlavesAndNonsenseIsRefusedInOneLine() throws Exception {
        fixture.master.slaves().nodes();

        ConfigChange change = settings.setLogLevel("GroupChat", "debug");

        assertEquals("log_level.GroupChat", change.key());
        assertTrue(a.configured.contains("log_level.GroupChat=debug"), "pushed to the slave that is up: " + a.configured);
        assertEquals("log.level: log_level.GroupChat must be one of trace, debug, info, warn, error, off, got \"loud\"",
                assertThrows(BadRequestException.class, () -> settings.setLogLevel("GroupChat", "loud")).getMessage());
        assertTrue(assertThrows(BadRequestException.class, () -> settings.setLogLevel("../x", "debug")).getMessage()
                .startsWith("log.level: '../x' is not a logger's name"));
        assertEquals("debug", settings.get("log_level.GroupChat").value().orElseThrow());
    }

    @Test
    void aValueSetGoesToTheLocalNodeAndIsPushedToTheSlavesOnceTheyStarted() throws Exception {
        settings.set("interarrival", 0L);
        assertTrue(a.configured.isEmpty(), "the slave side starts with the first distributed operation");
        fixture.master.slaves().nodes();

        ConfigChange change = settings.set("repeat_interval", 1234L);

        assertEquals(List.of("repeat_interval=1234"), a.configured);
        assertEquals(List.of("repeat_interval=1234"), fixture.localNode.configured.subList(1, 2));
        assertEquals(Optional.of(1234L), change.effective().value());
        assertEquals(ConfigSource.RUNTIME, change.effective().source());
    }

    @Test
    void anUnsetKeyShowsItsDefaultAndThatItIsTheDefault() throws Exception {
        ConfigEntry repeatNum = settings.get("repeat_num");
        assertEquals(Optional.of(Double.POSITIVE_INFINITY), repeatNum.value());
        assertEquals(ConfigSource.DEFAULT, repeatNum.source());
        assertEquals(Optional.of("infinity"), repeatNum.defaultText());

        ConfigEntry prefix = settings.get("graphite_prefix");
        assertEquals(Optional.empty(), prefix.value());
        assertEquals(Optional.of("this host's name"), prefix.defaultText());

        ConfigEntry scenarioKey = settings.get("greeting");
        assertEquals(Optional.empty(), scenarioKey.value());
        assertEquals(Optional.empty(), scenarioKey.registered());
    }

    @Test
    void listHoldsEveryRegisteredKeyAndTheScenariosKeysThatAreSet() throws Exception {
        settings.set("greeting", "hello");
        List<String> keys = settings.list().stream().map(ConfigEntry::key).toList();
        assertTrue(keys.contains("greeting"));
        ConfigKeys.all().stream().map(ConfigKey::name).forEach(name -> assertTrue(keys.contains(name), name));
        assertEquals(keys.stream().sorted().toList(), keys);
    }

    @Test
    void setAllChecksEveryValueBeforeSettingAny() {
        BadRequestException refused = assertThrows(BadRequestException.class,
                () -> settings.setAll(Map.of("interarrival", 0L, "repeat_num", 0L)));
        assertEquals("settings.repeat_num", refused.field().orElseThrow(), "names the key at fault");
        assertEquals(ConfigSource.DEFAULT, fixture.config.lookup("interarrival").map(v -> v.source())
                .orElse(ConfigSource.DEFAULT));
    }

    @Test
    void aKeyThatIsNoWordIsRefused() {
        assertEquals("config.get: '../x' is not a config key: write a word of letters, digits, '_' and '.',"
                + " e.g. interarrival", assertThrows(BadRequestException.class, () -> settings.get("../x")).getMessage());
    }
}
