package io.amoc.shell.command;

import io.amoc.config.Config;
import io.amoc.config.ConfigKeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The directories searched for scenarios: scenarios/ of the install, then each --scenarios DIR, then config scenario_path. */
public final class ScenarioPath {

    private ScenarioPath() {
    }

    public static List<Path> of(Path home, List<Path> fromOptions, Config config) {
        List<Path> dirs = new ArrayList<>();
        Path installed = home.resolve("scenarios");
        if (Files.isDirectory(installed)) {
            dirs.add(installed);
        }
        fromOptions.forEach(dir -> dirs.add(dir.toAbsolutePath()));
        ConfigKeys.SCENARIO_PATH.get(config).stream().map(Path::of).forEach(dirs::add);
        return dirs;
    }
}
