package io.amoc.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configuration of one JVM. Lookup, first hit wins: environment {@code AMOC_<key>} as written, then
 * {@code AMOC_<KEY>} upper-cased; run-time values ({@link #set}); the properties file; the caller's default.
 * Values are read as literals ({@link Literal#parseOrString}).
 */
public final class Config {

    /** Keys whose environment answer is remembered at most (the keys code asks for are far fewer). */
    private static final int MAX_REMEMBERED_KEYS = 10_000;

    private static volatile Config global = new Config(System.getenv(), Map.of());

    private final Map<String, String> environment;
    private final Map<String, String> fileValues;
    private final Map<String, Object> runtimeValues = new ConcurrentHashMap<>();
    /** The environment's answer for each key asked so far (the environment does not change; scenarios ask often). */
    private final Map<String, Optional<String>> environmentValues = new ConcurrentHashMap<>();

    public Config(Map<String, String> environment, Map<String, String> fileValues) {
        this.environment = Map.copyOf(environment);
        this.fileValues = Map.copyOf(fileValues);
    }

    /** The configuration the scenarios and the engine of this JVM read. */
    public static Config global() {
        return global;
    }

    /** Replaces the configuration of this JVM (done once at start-up by the launcher, and by tests). */
    public static void install(Config config) {
        global = config;
        ConfigChanges.changed(config.knownKeys());
    }

    /** A configuration over the process environment and the given properties file (missing file: no values). */
    public static Config fromEnvironmentAndFile(Path propertiesFile) throws IOException {
        Map<String, String> values = new TreeMap<>();
        if (propertiesFile != null && Files.isRegularFile(propertiesFile)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(propertiesFile)) {
                properties.load(reader);
            }
            properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
        }
        return new Config(System.getenv(), values);
    }

    /** The value of {@code key}, or an error naming the key. */
    public Object get(String key) {
        return find(key).orElseThrow(() -> new MissingConfigException(key));
    }

    /** The value of {@code key} converted to the default's type, or the default if set nowhere. */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, T defaultValue) {
        Optional<Object> found = find(key);
        if (found.isEmpty() || defaultValue == null) {
            return found.map(v -> (T) v).orElse(defaultValue);
        }
        return (T) ValueConversion.convert(key, found.get(), defaultValue.getClass());
    }

    /** The value of {@code key} from the first source that has it. */
    public Optional<Object> find(String key) {
        return lookup(key).map(SourcedValue::value);
    }

    /** The value of {@code key} from the first source that has it, and which source that is. */
    public Optional<SourcedValue> lookup(String key) {
        Optional<String> fromEnv = environmentValues.get(key);
        if (fromEnv == null) {
            fromEnv = fromEnvironment(key);
            if (environmentValues.size() < MAX_REMEMBERED_KEYS) {
                environmentValues.put(key, fromEnv);
            }
        }
        if (fromEnv.isPresent()) {
            return Optional.of(new SourcedValue(Literal.parseOrString(fromEnv.get()), ConfigSource.ENVIRONMENT));
        }
        Object runtime = runtimeValues.get(key);
        if (runtime != null) {
            return Optional.of(new SourcedValue(runtime, ConfigSource.RUNTIME));
        }
        return Optional.ofNullable(fileValues.get(key))
                .map(text -> new SourcedValue(Literal.parseOrString(text), ConfigSource.FILE));
    }

    /** {@code AMOC_<key>}, else {@code AMOC_<KEY>}, from the environment this configuration was made with. */
    private Optional<String> fromEnvironment(String key) {
        String value = environment.get("AMOC_" + key);
        return Optional.ofNullable(value != null ? value : environment.get("AMOC_" + key.toUpperCase(Locale.ROOT)));
    }

    /** Sets a run-time value (below the environment, above the file). */
    public void set(String key, Object value) {
        runtimeValues.put(key, value);
        announce(key);
    }

    /** Removes a run-time value. */
    public void unset(String key) {
        runtimeValues.remove(key);
        announce(key);
    }

    /** Whether {@code key} is set in any source (its default aside). */
    public boolean has(String key) {
        return lookup(key).isPresent();
    }

    private void announce(String key) {
        if (this == global) {
            ConfigChanges.changed(List.of(key));
        }
    }

    /** The run-time values, which a distributed run pushes to its slaves. */
    public Map<String, Object> runtimeValues() {
        return Collections.unmodifiableMap(new TreeMap<>(runtimeValues));
    }

    /** Every key this configuration knows of (file, run time and AMOC_ environment), for completion and listing. */
    public List<String> knownKeys() {
        TreeMap<String, Boolean> keys = new TreeMap<>();
        fileValues.keySet().forEach(k -> keys.put(k, true));
        runtimeValues.keySet().forEach(k -> keys.put(k, true));
        environment.keySet().stream().filter(k -> k.startsWith("AMOC_"))
                .forEach(k -> keys.put(k.substring(5).toLowerCase(Locale.ROOT), true));
        return List.copyOf(keys.keySet());
    }
}
