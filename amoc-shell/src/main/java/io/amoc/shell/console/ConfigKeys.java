package io.amoc.shell.console;

import io.amoc.config.Config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The config keys to offer when completing: those documented in conf/amoc.properties and those set anywhere. */
final class ConfigKeys {

    private static final Pattern DOCUMENTED = Pattern.compile("^#?\\s*([a-z][a-z0-9_]*)\\s*=");

    private ConfigKeys() {
    }

    static List<String> of(Config config, Path propertiesFile) {
        TreeSet<String> keys = new TreeSet<>(config.knownKeys());
        try {
            if (Files.isRegularFile(propertiesFile)) {
                for (String line : Files.readAllLines(propertiesFile)) {
                    Matcher key = DOCUMENTED.matcher(line);
                    if (key.find()) {
                        keys.add(key.group(1));
                    }
                }
            }
        } catch (IOException unreadable) {
            // completion then offers the keys that are set
        }
        return List.copyOf(keys);
    }
}
