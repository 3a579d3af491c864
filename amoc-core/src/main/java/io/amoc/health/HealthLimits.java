package io.amoc.health;

import io.amoc.config.Config;
import io.amoc.config.ConfigKey;
import io.amoc.config.ConfigKeys;
import io.amoc.config.ConfigValueException;

import java.time.Duration;

/**
 * Above these, a generator is overloaded: CPU above {@code cpu} for {@code cpuFor} in a row, scheduler lag p99 above
 * {@code lag}, heap after GC above {@code heap}.
 */
public record HealthLimits(double cpu, Duration cpuFor, Duration lag, double heap) {

    /** 90 % CPU for 10 s, 50 ms of scheduler lag at p99, 90 % of the heap in use after GC. */
    public static final HealthLimits DEFAULT = new HealthLimits(0.90, Duration.ofSeconds(10), Duration.ofMillis(50), 0.90);

    /**
     * The limits {@code config} sets ({@code generator_cpu_limit}, {@code generator_cpu_time},
     * {@code generator_lag_limit}, {@code generator_heap_limit}); a value that makes no sense gives that limit's
     * default ({@code config.set} refuses such values, so only a slave's own file can hold one).
     */
    public static HealthLimits of(Config config) {
        return new HealthLimits(read(ConfigKeys.GENERATOR_CPU_LIMIT, config),
                read(ConfigKeys.GENERATOR_CPU_TIME, config),
                Duration.ofMillis(read(ConfigKeys.GENERATOR_LAG_LIMIT, config)),
                read(ConfigKeys.GENERATOR_HEAP_LIMIT, config));
    }

    private static <T> T read(ConfigKey<T> key, Config config) {
        try {
            return key.get(config);
        } catch (ConfigValueException e) {
            return key.defaultValue().orElseThrow();
        }
    }
}
