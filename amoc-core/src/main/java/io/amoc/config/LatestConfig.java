package io.amoc.config;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A value derived from the installed configuration ({@link Config#global()}) and derived again only after the
 * configuration changed ({@link ConfigChanges#version()}): for readers on busy paths (each user start, each login,
 * each health sample) that must see a change at once but need not parse the same text thousands of times a second.
 *
 * @param <T> the derived value
 */
public final class LatestConfig<T> implements Supplier<T> {

    private record Read<T>(long version, T value) {
    }

    private final Function<Config, T> derive;
    private volatile Read<T> last = new Read<>(-1, null);

    private LatestConfig(Function<Config, T> derive) {
        this.derive = derive;
    }

    /** {@code derive} applied to the configuration of the moment, at the first {@link #get()} after each change. */
    public static <T> LatestConfig<T> of(Function<Config, T> derive) {
        return new LatestConfig<>(derive);
    }

    /** The value for the configuration as it is now. */
    @Override
    public T get() {
        long version = ConfigChanges.version();
        Read<T> read = last;
        if (read.version() == version) {
            return read.value();
        }
        T value = derive.apply(Config.global());
        last = new Read<>(version, value);
        return value;
    }
}
