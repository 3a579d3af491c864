package io.amoc.command;

import io.amoc.cluster.Cluster;
import io.amoc.config.Config;
import io.amoc.config.ConfigKey;
import io.amoc.config.ConfigKeys;
import io.amoc.config.ConfigSource;
import io.amoc.config.ConfigValueException;
import io.amoc.config.ConfigValues;
import io.amoc.config.SourcedValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code config.get}, {@code config.set} and {@code config.list} of the master: values checked against the registry
 * ({@link ConfigKeys}) when set, then given to the local node and pushed to the slaves that are up.
 * Thread-safe: sets run one at a time; reads never wait.
 */
public final class Settings {

    private static final String OPERATION = "config.set";
    private static final String LOG_LEVEL_OPERATION = "log.level";
    /** The field of a refused value of {@link #setAll}: {@code settings.<key>}. */
    private static final String SETTINGS_FIELD = "settings.";
    /** A key this many edits or fewer from one of amoc's is taken for a typo of it (and said so). */
    private static final int TYPO_EDITS = 2;
    /** A logger's name: a class or package name ({@code GroupChat}, {@code io.amoc.xmpp}), or {@code root}. */
    private static final Pattern LOGGER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    private final Config config;
    private final Cluster local;
    private final SlaveDirectory slaves;
    private final Consumer<String> changed;

    /** @param changed told the key after each set (e.g. to restart Graphite reporting on a graphite_* key) */
    Settings(Config config, Cluster local, SlaveDirectory slaves, Consumer<String> changed) {
        this.config = config;
        this.local = local;
        this.slaves = slaves;
        this.changed = changed;
    }

    /** The key's value and where it comes from; a key set nowhere shows its default. */
    public ConfigEntry get(String key) throws BadRequestException {
        checkKey("config.get", key);
        return entry(key);
    }

    /** Every registered key and every key set anywhere, sorted, each with its value, default and source. */
    public List<ConfigEntry> list() {
        TreeSet<String> keys = new TreeSet<>(config.knownKeys());
        ConfigKeys.all().stream().map(ConfigKey::name).forEach(keys::add);
        return keys.stream().map(this::entry).toList();
    }

    /**
     * Checks the value, sets it at run time here, and pushes it to the slaves that are up.
     *
     * @throws BadRequestException      the key refuses the value (the master's value is unchanged)
     * @throws ConfigNotPushedException some slaves that are up did not take it (the master's value changed)
     */
    public synchronized ConfigChange set(String key, Object value) throws CommandException {
        Object checked = checked(key, value);
        config.set(key, checked);
        local.setConfig(key, checked);
        List<String> failed = slaves.push(key, checked);
        changed.accept(key);
        if (!failed.isEmpty()) {
            throw new ConfigNotPushedException(key, failed);
        }
        return new ConfigChange(key, checked, entry(key), resembledKey(key));
    }

    /** The registered key that {@code key}, not one itself, is at most {@value #TYPO_EDITS} edits from. */
    private static Optional<String> resembledKey(String key) {
        if (ConfigKeys.find(key).isPresent()) {
            return Optional.empty();
        }
        return ClosestName.to(key, ConfigKeys.all().stream().map(ConfigKey::name).toList(), TYPO_EDITS);
    }

    /**
     * {@code log.level(logger, level)}: the level of one logger on the master and every slave, kept as config
     * {@code log_level.<logger>} so that a slave that joins later and a run's start get it too.
     *
     * @param logger a logger's name, e.g. {@code GroupChat} (a scenario's class), {@code io.amoc.xmpp}, or {@code root}
     * @param level  trace, debug, info, warn, error or off
     */
    public ConfigChange setLogLevel(String logger, String level) throws CommandException {
        if (logger == null || !LOGGER_NAME.matcher(logger).matches()) {
            throw BadRequestException.of(LOG_LEVEL_OPERATION, "logger", "'" + logger + "' is not a logger's name:"
                    + " write a class or package name such as GroupChat or io.amoc.xmpp, or root for all");
        }
        String key = ConfigKeys.LOG_LEVEL_PREFIX + logger;
        try {
            ConfigValues.checked(key, level);
        } catch (ConfigValueException e) {
            throw BadRequestException.of(LOG_LEVEL_OPERATION, "level", e.getMessage());
        }
        return set(key, level);
    }

    /**
     * Sets several values, all checked before any is set (an HTTP front end's settings of a start).
     *
     * @throws BadRequestException a key or value is refused; its field is {@code settings.<key>}
     */
    public synchronized List<ConfigChange> setAll(Map<String, Object> settings) throws CommandException {
        Map<String, Object> checked = new LinkedHashMap<>();
        for (Map.Entry<String, Object> value : settings.entrySet()) {
            try {
                checked.put(value.getKey(), checked(value.getKey(), value.getValue()));
            } catch (BadRequestException e) {
                throw BadRequestException.about(SETTINGS_FIELD + value.getKey(), e.getMessage());
            }
        }
        List<ConfigChange> changes = new ArrayList<>();
        for (Map.Entry<String, Object> value : checked.entrySet()) {
            changes.add(set(value.getKey(), value.getValue()));
        }
        return changes;
    }

    private static Object checked(String key, Object value) throws BadRequestException {
        checkKey(OPERATION, key);
        try {
            return ConfigValues.checked(key, value);
        } catch (ConfigValueException e) {
            throw BadRequestException.of(OPERATION, "value", e.getMessage());
        }
    }

    private static void checkKey(String operation, String key) throws BadRequestException {
        if (!ConfigValues.isKey(key)) {
            throw BadRequestException.of(operation, "key", "'" + key + "' is not a config key: write a word of"
                    + " letters, digits, '_' and '.', e.g. interarrival");
        }
    }

    private ConfigEntry entry(String key) {
        Optional<SourcedValue> found = config.lookup(key);
        Optional<ConfigKey<?>> registered = ConfigKeys.find(key);
        if (found.isPresent()) {
            return new ConfigEntry(key, Optional.of(found.get().value()), found.get().source(), registered);
        }
        Optional<Object> defaultValue = registered.flatMap(ConfigKey::defaultLiteral);
        return new ConfigEntry(key, defaultValue, ConfigSource.DEFAULT, registered);
    }
}
