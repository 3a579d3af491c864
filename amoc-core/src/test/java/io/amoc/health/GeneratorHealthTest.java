package io.amoc.health;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratorHealthTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @Test
    void virtualThreadsThatNeverYieldMakeTheGeneratorOverloadedWithTheSchedulersLag() throws Exception {
        AtomicBoolean burning = new AtomicBoolean(true);
        List<Thread> burners = new ArrayList<>();
        try (GeneratorHealth health = GeneratorHealth.start(HealthLimits.DEFAULT)) {
            long started = System.currentTimeMillis();
            for (int i = 0; i < Runtime.getRuntime().availableProcessors() * 2; i++) {
                burners.add(Thread.ofVirtual().start(() -> {
                    long x = 0;
                    while (burning.get()) {
                        x += System.nanoTime() % 7;
                    }
                    if (x == 42) {
                        Thread.onSpinWait();
                    }
                }));
            }
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (health.overloaded().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }

            assertTrue(health.overloaded().isPresent(), "not overloaded within " + DEADLINE + ": " + health.last());
            assertFalse(health.spellsSince(started).isEmpty(), "the spell is kept for the verdict");
        } finally {
            burning.set(false);
            for (Thread burner : burners) {
                burner.join();
            }
        }
    }
}
