package io.amoc.shell.console;

import io.amoc.config.Config;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the console keeps its history: config {@code history_file}, else ~/.amoc_history, else var/ of the install. */
public final class HistoryFile {

    public static final String CONFIG_KEY = "history_file";
    private static final String NAME = ".amoc_history";

    private HistoryFile() {
    }

    public static Path choose(Config config, Path home) {
        Object configured = config.find(CONFIG_KEY).orElse(null);
        if (configured != null) {
            return Path.of(configured.toString());
        }
        Path userHome = Path.of(System.getProperty("user.home", "."));
        if (Files.isDirectory(userHome) && Files.isWritable(userHome)) {
            return userHome.resolve(NAME);
        }
        return home.resolve("var").resolve(NAME);
    }
}
