package io.amoc.config;

import java.util.Optional;

/**
 * One registered configuration key: its name, the kind of value it takes, its default and a one-line description.
 * The registry is {@link ConfigKeys}; code reads a key's typed value with {@link #get(Config)}.
 *
 * @param <T> the Java type of the value
 */
public final class ConfigKey<T> {

    private final String name;
    private final ValueType<T> type;
    private final Object defaultLiteral;
    private final String whenUnset;
    private final String doc;

    ConfigKey(String name, ValueType<T> type, Object defaultLiteral, String whenUnset, String doc) {
        this.name = name;
        this.type = type;
        this.defaultLiteral = defaultLiteral;
        this.whenUnset = whenUnset;
        this.doc = doc;
        if (defaultLiteral != null) {
            type.convert(name, defaultLiteral);
        }
    }

    public String name() {
        return name;
    }

    public ValueType<T> type() {
        return type;
    }

    /** What the key is for, in one line (the same line documents it in conf/amoc.properties). */
    public String doc() {
        return doc;
    }

    /** The default as a literal ({@code 50}, {@code infinity}, {@code "127.0.0.1"}), empty for a key without one. */
    public Optional<Object> defaultLiteral() {
        return Optional.ofNullable(defaultLiteral);
    }

    /** The default as shown to people: the literal, or what being unset means (e.g. {@code this host's name}). */
    public String defaultText() {
        return defaultLiteral != null ? Literal.format(defaultLiteral) : whenUnset;
    }

    /** The configured value, or the default. A key without a default that is set nowhere is a {@link MissingConfigException}. */
    public T get(Config config) {
        Optional<T> configured = find(config);
        if (configured.isPresent()) {
            return configured.get();
        }
        if (defaultLiteral == null) {
            throw new MissingConfigException(name);
        }
        return type.convert(name, defaultLiteral);
    }

    /**
     * The configured value, empty when it is set nowhere.
     *
     * @throws ConfigValueException when the configured value is not one this key takes
     */
    public Optional<T> find(Config config) {
        return config.find(name).map(this::convert);
    }

    /** The default's typed value, empty for a key without one. */
    public Optional<T> defaultValue() {
        return defaultLiteral().map(this::convert);
    }

    /** The typed value of {@code literal}, or a {@link ConfigValueException} saying what the key takes. */
    public T convert(Object literal) {
        return type.convert(name, literal);
    }

    @Override
    public String toString() {
        return name;
    }
}
