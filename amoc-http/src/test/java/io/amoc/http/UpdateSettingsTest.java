package io.amoc.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code PATCH /execution/update_settings} over real HTTP: each key's answer says what the shell says of it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpdateSettingsTest {

    @TempDir
    static Path dir;
    private LocalApi api;
    private ApiClient client;

    @BeforeAll
    void start() throws Exception {
        api = LocalApi.start(dir, Map.of(), Map.of());
        client = api.client();
    }

    @AfterAll
    void stop() throws InterruptedException {
        api.close();
    }

    @Test
    void aMisspeltKeyIsSetAsAScenariosOwnAndAnsweredWithTheShellsDidYouMeanHint() throws Exception {
        JsonNode answer = client.json("PATCH", "/execution/update_settings",
                "{\"settings\": {\"interarival\": 10, \"interarrival\": 20}}").expect(200);

        JsonNode misspelt = answer.path("settings").get(0);
        assertEquals("interarival", misspelt.path("key").asText(), answer.toString());
        assertEquals("not one of amoc's keys, so only a scenario that reads it sees it: did you mean interarrival?",
                misspelt.path("hint").asText(), answer.toString());
        JsonNode registered = answer.path("settings").get(1);
        assertEquals("interarrival", registered.path("key").asText(), answer.toString());
        assertTrue(registered.path("hint").isNull(), answer.toString());
        assertEquals(10L, api.master.settings().get("interarival").value().orElseThrow());
    }
}
