package io.amoc.health;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverloadRuleTest {

    private final OverloadRule rule = new OverloadRule(HealthLimits.DEFAULT);

    @Test
    void highCpuCountsOnlyOnceItLastsTenSeconds() {
        for (int second = 0; second < 10; second++) {
            assertEquals(Optional.empty(), rule.accept(sample(second, 0.97, 0, 0)), "second " + second);
        }
        assertEquals(Optional.of("CPU 97% for 10 s (limit 90%)"), rule.accept(sample(10, 0.97, 0, 0)));
    }

    @Test
    void aDipBelowTheLimitStartsTheTenSecondsAgain() {
        for (int second = 0; second < 9; second++) {
            rule.accept(sample(second, 0.95, 0, 0));
        }
        rule.accept(sample(9, 0.50, 0, 0));
        for (int second = 10; second < 19; second++) {
            assertEquals(Optional.empty(), rule.accept(sample(second, 0.95, 0, 0)), "second " + second);
        }
        assertTrue(rule.accept(sample(20, 0.95, 0, 0)).isPresent());
    }

    @Test
    void schedulerLagAboveFiftyMillisecondsCountsAtOnce() {
        assertEquals(Optional.empty(), rule.accept(sample(0, 0.2, 49_000, 0)));
        assertEquals(Optional.of("scheduler lag p99 84 ms (limit 50 ms)"), rule.accept(sample(1, 0.2, 84_000, 0)));
    }

    @Test
    void aHeapNinetyPercentFullAfterGcCountsAtOnce() {
        assertEquals(Optional.of("heap 93% full after GC (limit 90%)"), rule.accept(sample(0, 0.2, 0, 0.93)));
    }

    @Test
    void unknownReadingsNeverMakeAGeneratorOverloaded() {
        assertEquals(Optional.empty(), rule.accept(new HealthSample(0, -1, -1, 0, -1)));
    }

    private static HealthSample sample(int second, double cpu, long lagMicros, double heap) {
        return new HealthSample(second * 1000L, cpu, 0.1, lagMicros, heap);
    }
}
