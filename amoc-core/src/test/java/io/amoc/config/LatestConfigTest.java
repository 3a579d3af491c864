package io.amoc.config;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LatestConfigTest {

    @BeforeEach
    void freshConfig() {
        Config.install(new Config(Map.of(), Map.of()));
    }

    @Test
    void aValueIsDerivedOnceUntilTheConfigurationChangesAndAChangeIsSeenAtTheNextRead() {
        AtomicInteger derived = new AtomicInteger();
        LatestConfig<Long> interarrival = LatestConfig.of(config -> {
            derived.incrementAndGet();
            return ConfigKeys.INTERARRIVAL.get(config);
        });

        for (int i = 0; i < 1_000; i++) {
            assertEquals(50L, interarrival.get());
        }
        assertEquals(1, derived.get());

        Config.global().set("interarrival", 7L);
        assertEquals(7L, interarrival.get());
        Config.global().unset("interarrival");
        assertEquals(50L, interarrival.get());
        Config.install(new Config(Map.of("AMOC_INTERARRIVAL", "3"), Map.of()));
        assertEquals(3L, interarrival.get());
        assertEquals(3L, interarrival.get());
        assertEquals(4, derived.get());
    }
}
