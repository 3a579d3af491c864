package io.amoc.shell.repl;

import io.amoc.config.Config;
import io.amoc.config.ConfigKeys;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the console keeps its history: config {@code history_file}, else ~/.amoc_history, else var/ of the install. */
public final class HistoryFile {

    private static final String NAME = ".amoc_history";

    private HistoryFile() {
    }

    public static Path choose(Config config, Path home) {
        java.util.Optional<String> configured = ConfigKeys.HISTORY_FILE.find(config);
        if (configured.isPresent()) {
            return Path.of(configured.get());
        }
        Path userHome = Path.of(System.getProperty("user.home", "."));
        if (Files.isDirectory(userHome) && Files.isWritable(userHome)) {
            return userHome.resolve(NAME);
        }
        return home.resolve("var").resolve(NAME);
    }
}
