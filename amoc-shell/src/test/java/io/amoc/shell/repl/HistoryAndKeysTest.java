package io.amoc.shell.repl;

import io.amoc.command.Master;
import io.amoc.config.Config;
import io.amoc.config.ConfigKeys;
import io.amoc.shell.MetricsNode;
import io.amoc.shell.TestMasters;
import io.amoc.shell.command.Completions;
import io.amoc.shell.command.Shell;
import io.amoc.shell.language.ArgTypes;
import io.amoc.shell.language.Interpreter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryAndKeysTest {

    @TempDir
    Path dir;

    @Test
    void theHistoryGoesToTheConfiguredFileElseTheHomeElseVarOfTheInstall() throws Exception {
        Config configured = new Config(Map.of(), Map.of("history_file", dir.resolve("h").toString()));
        assertEquals(dir.resolve("h"), HistoryFile.choose(configured, dir));
        String userHome = System.getProperty("user.home");
        try {
            Path writable = Files.createDirectory(dir.resolve("home"));
            System.setProperty("user.home", writable.toString());
            assertEquals(writable.resolve(".amoc_history"), HistoryFile.choose(new Config(Map.of(), Map.of()), dir));
            System.setProperty("user.home", dir.resolve("no-such-home").toString());
            assertEquals(dir.resolve("var/.amoc_history"), HistoryFile.choose(new Config(Map.of(), Map.of()), dir));
        } finally {
            System.setProperty("user.home", userHome);
        }
    }

    @Test
    void configKeysToCompleteAreTheRegisteredOnesAndThoseSet() throws Exception {
        Config config = new Config(Map.of("AMOC_MY_ENV_KEY", "h"), Map.of("repeat_num", "3"));
        config.set("my_key", 1L);
        Master master = TestMasters.local(dir, config, List.of(), new MetricsNode("local"));
        try {
            Interpreter interpreter = Shell.of(master).newSession();
            List<String> keys = Completions.of(master, interpreter).apply(ArgTypes.CONFIG_KEY_NAME);
            assertTrue(keys.containsAll(List.of("interarrival", "graphite_host", "my_key", "my_env_key", "repeat_num")),
                    keys.toString());
            assertEquals(ConfigKeys.all().size() + 2, keys.size(), keys.toString());
            assertTrue(Completions.of(master, interpreter).apply(ArgTypes.COMMAND_NAME).contains("dist.do"));
        } finally {
            master.close(java.time.Duration.ofSeconds(1));
        }
    }
}
