package io.amoc.engine;

import io.amoc.compile.ScenarioBundle;
import io.amoc.health.GeneratorHealth;
import io.amoc.health.HealthLimits;
import io.amoc.health.OverloadSpell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.amoc.engine.Fixtures.await;
import static io.amoc.engine.Fixtures.bundle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A node's status and run info tell what its generator's health watch finds. */
class NodeHealthTest {

    /** Any CPU use is above -100 %, held for no time at all: overloaded from the first sample on. */
    private static final HealthLimits ALWAYS_OVERLOADED = new HealthLimits(-1, Duration.ZERO, Duration.ofHours(1), 2);

    private GeneratorHealth health;

    @BeforeEach
    void freshConfig() {
        Fixtures.freshConfigForQuickUsers();
    }

    @AfterEach
    void stopWatching() {
        if (health != null) {
            health.close();
        }
    }

    @Test
    void theStatusSaysWhyTheGeneratorIsOverloadedAndTheRunKeepsItsSpell() throws Exception {
        health = GeneratorHealth.start(ALWAYS_OVERLOADED);
        NodeController node = new NodeController("watched", health);
        node.start(bundle("SleepsForever"), Map.of());
        long started = System.currentTimeMillis();
        node.addUsers(IdRange.of(1, 2));

        await("the node to be overloaded", () -> node.status().overloaded() != null);
        assertTrue(node.status().overloaded().startsWith("CPU "), node.status().overloaded());
        node.stop();

        NodeRunInfo info = node.runInfo();
        assertEquals(1, info.overloaded().size(), info.toString());
        OverloadSpell spell = info.overloaded().get(0);
        assertTrue(spell.startMillis() >= started - 1_000 && spell.reason().startsWith("CPU "), spell.toString());
        assertTrue(info.jdk().startsWith(Runtime.version().feature() + ""), info.jdk());
    }

    @Test
    void aNodeWithoutAWatchIsNeverOverloaded() throws Exception {
        NodeController node = new NodeController("unwatched");
        node.start(bundle("SleepsForever"), Map.of());
        node.addUsers(IdRange.of(1, 1));

        assertNull(node.status().overloaded());
        node.stop();
        assertEquals(List.of(), node.runInfo().overloaded());
    }

    @Test
    void aRunEndedBeforeTheGeneratorWasOverloadedHasNoSpell() throws Exception {
        ScenarioBundle compiled = bundle("SleepsForever");
        health = GeneratorHealth.start(ALWAYS_OVERLOADED);
        NodeController node = new NodeController("watched", health);
        node.start(compiled, Map.of());
        node.stop();
        assertTrue(health.overloaded().isEmpty(), "the first sample comes a second after the start");

        await("the generator to be overloaded", () -> health.overloaded().isPresent());
        assertEquals(List.of(), node.runInfo().overloaded(), "the spell began after the run");
    }
}
