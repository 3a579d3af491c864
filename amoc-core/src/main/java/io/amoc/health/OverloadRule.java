package io.amoc.health;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides from a stream of samples whether the generator is overloaded now, and why (one line). CPU counts only
 * when it stays above the limit for the whole of {@code cpuFor}; lag and heap count at once.
 */
final class OverloadRule {

    private static final double PERCENT = 100.0;
    private static final double MICROS_PER_MILLI = 1_000.0;

    private final Supplier<HealthLimits> currentLimits;
    /** Samples of the last cpuFor, oldest first. */
    private final Deque<HealthSample> recent = new ArrayDeque<>();
    private long cpuHighSince = -1;

    OverloadRule(HealthLimits limits) {
        this(() -> limits);
    }

    /** @param currentLimits read at each sample, so that a change of the configured limits applies at once */
    OverloadRule(Supplier<HealthLimits> currentLimits) {
        this.currentLimits = currentLimits;
    }

    /** Takes a sample in; returns the reason the generator is overloaded, or empty when it is healthy. */
    Optional<String> accept(HealthSample sample) {
        HealthLimits limits = currentLimits.get();
        recent.addLast(sample);
        while (recent.size() > 1 && sample.atMillis() - recent.peekFirst().atMillis() > limits.cpuFor().toMillis()) {
            recent.removeFirst();
        }
        if (sample.cpu() > limits.cpu()) {
            cpuHighSince = cpuHighSince < 0 ? sample.atMillis() : cpuHighSince;
        } else {
            cpuHighSince = -1;
        }
        if (cpuHighSince >= 0 && sample.atMillis() - cpuHighSince >= limits.cpuFor().toMillis()) {
            double average = recent.stream().mapToDouble(HealthSample::cpu).average().orElse(sample.cpu());
            return Optional.of(String.format(Locale.ROOT, "CPU %.0f%% for %d s (limit %.0f%%)", average * PERCENT,
                    (sample.atMillis() - cpuHighSince) / 1000, limits.cpu() * PERCENT));
        }
        if (sample.lagP99Micros() > limits.lag().toNanos() / 1000) {
            return Optional.of(String.format(Locale.ROOT, "scheduler lag p99 %.0f ms (limit %d ms)",
                    sample.lagP99Micros() / MICROS_PER_MILLI, limits.lag().toMillis()));
        }
        if (sample.heapAfterGc() > limits.heap()) {
            return Optional.of(String.format(Locale.ROOT, "heap %.0f%% full after GC (limit %.0f%%)",
                    sample.heapAfterGc() * PERCENT, limits.heap() * PERCENT));
        }
        return Optional.empty();
    }
}
