package io.amoc.shell.console;

import io.amoc.config.Config;
import io.amoc.config.ConfigKey;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/** The config keys to offer when completing: every registered key and those set anywhere. */
final class ConfigKeys {

    private ConfigKeys() {
    }

    static List<String> of(Config config, Path propertiesFile) {
        TreeSet<String> keys = new TreeSet<>(config.knownKeys());
        io.amoc.config.ConfigKeys.all().stream().map(ConfigKey::name).forEach(keys::add);
        return List.copyOf(keys);
    }
}
