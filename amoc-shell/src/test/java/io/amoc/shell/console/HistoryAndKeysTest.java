package io.amoc.shell.console;

import io.amoc.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void configKeysToCompleteAreTheDocumentedOnesAndThoseSet() throws Exception {
        Path properties = Files.writeString(dir.resolve("amoc.properties"), """
                # Milliseconds between two user starts on a node (0 = all at once).
                #interarrival = 50
                repeat_num = 3
                # not a key: a sentence = with an equals sign
                """);
        Config config = new Config(Map.of("AMOC_GRAPHITE_HOST", "h"), Map.of("repeat_num", "3"));
        config.set("my_key", 1L);
        assertEquals(List.of("graphite_host", "interarrival", "my_key", "repeat_num"), ConfigKeys.of(config, properties));
    }
}
