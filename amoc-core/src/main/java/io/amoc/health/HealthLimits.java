package io.amoc.health;

import java.time.Duration;

/**
 * Above these, a generator is overloaded: CPU above {@code cpu} for {@code cpuFor} in a row, scheduler lag p99 above
 * {@code lag}, heap after GC above {@code heap}.
 */
public record HealthLimits(double cpu, Duration cpuFor, Duration lag, double heap) {

    /** 90 % CPU for 10 s, 50 ms of scheduler lag at p99, 90 % of the heap in use after GC. */
    public static final HealthLimits DEFAULT = new HealthLimits(0.90, Duration.ofSeconds(10), Duration.ofMillis(50), 0.90);
}
