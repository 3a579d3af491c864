package io.amoc.scenario;

import io.amoc.config.Config;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmocConfigTest {

    @BeforeEach
    void freshConfig() {
        Config.install(new Config(Map.of("AMOC_FROM_ENV", "1"), Map.of("from_file", "\"yes\"")));
    }

    @Test
    void hasSaysWhetherAKeyIsSetInAnySource() {
        Config.global().set("from_runtime", 5L);

        assertTrue(AmocConfig.has("from_env"));
        assertTrue(AmocConfig.has("from_runtime"));
        assertTrue(AmocConfig.has("from_file"));
        assertFalse(AmocConfig.has("rooms"), "a key set nowhere is not there, whatever its default");
    }

    @Test
    void aKeySetNowhereIsAnExceptionScenariosCanCatchNamingTheKey() {
        AmocConfigException missing = assertThrows(AmocConfigException.class, () -> AmocConfig.get("rooms"));

        assertEquals("rooms", missing.key());
        assertTrue(missing.getMessage().contains("'rooms' is not set"), missing.getMessage());
        assertTrue(missing.getMessage().contains("config.set(rooms, ...)"), missing.getMessage());
    }

    @Test
    void aValueThatDoesNotConvertIsTheSameException() {
        Config.global().set("rooms", "many");

        AmocConfigException wrong = assertThrows(AmocConfigException.class, () -> AmocConfig.get("rooms", 10L));

        assertEquals("rooms", wrong.key());
        assertTrue(wrong.getMessage().contains("\"many\", not a long"), wrong.getMessage());
        assertEquals("many", AmocConfig.get("rooms", "few"));
    }
}
