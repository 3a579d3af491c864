package io.amoc.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests a careless or hostile client sends, over real HTTP: every one is answered with the right 4xx and one line
 * of JSON naming what is wrong, and none of them starts, changes or stops anything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadRequestsTest {

    private static final String SCENARIO = "SleepsUntilRemoved";

    @TempDir
    static Path dir;
    private LocalApi api;
    private ApiClient client;

    @BeforeAll
    void start() throws Exception {
        api = LocalApi.start(dir, Map.of("interarrival", "0"), Map.of(SCENARIO, Sources.SLEEPS_UNTIL_REMOVED));
        client = api.client();
    }

    @AfterAll
    void stop() throws InterruptedException {
        api.close();
    }

    @AfterEach
    void nothingWasStarted() throws Exception {
        JsonNode status = client.get("/status").expect(200);
        client.json("PATCH", "/execution/stop", "{\"target\": \"local\"}").expect(200);   // the next test starts clean
        assertNotEquals("running", status.path("local").get(0).path("state").asText(), status.toString());
        assertEquals(0, status.path("users").asLong(), status.toString());
    }

    @Test
    void aFieldTheOperationDoesNotTakeIsRefusedByName() throws Exception {
        JsonNode misspelt = client.json("PATCH", "/execution/start", "{\"scenario\": \"" + SCENARIO + "\","
                + " \"users\": 2, \"setings\": {\"interarrival\": 1000}}").expect(400);
        assertEquals("setings", misspelt.path("field").asText(), misspelt.toString());
        assertTrue(misspelt.path("error").asText().contains("settings"), "names the fields it takes: " + misspelt);

        assertEquals("forse", client.json("PATCH", "/execution/remove_users", "{\"users\": 1, \"forse\": true}")
                .expect(400).path("field").asText());
        assertEquals("force", client.json("PATCH", "/execution/stop", "{\"force\": true}").expect(400)
                .path("field").asText());
        assertEquals("target", client.json("PATCH", "/scenarios/" + SCENARIO, "{\"users\": 1, \"target\": \"local\"}")
                .expect(400).path("field").asText());
        assertEquals("scenario", client.json("PATCH", "/execution/update_settings",
                "{\"settings\": {\"interarrival\": 0}, \"scenario\": \"" + SCENARIO + "\"}").expect(400)
                .path("field").asText());
    }

    @Test
    void aBodyWithMoreAfterItsObjectOrWithAFieldGivenTwiceIsRefused() throws Exception {
        JsonNode trailing = client.json("PATCH", "/execution/start",
                "{\"scenario\": \"" + SCENARIO + "\", \"users\": 1} {\"users\": 100}").expect(400);
        assertTrue(trailing.path("error").asText().startsWith("the body is not JSON"), trailing.toString());
        client.json("PATCH", "/execution/start", "{\"scenario\": \"" + SCENARIO + "\", \"users\": 1} trailing")
                .expect(400);
        JsonNode twice = client.json("PATCH", "/execution/start",
                "{\"scenario\": \"" + SCENARIO + "\", \"users\": 1, \"users\": 100}").expect(400);
        assertTrue(twice.path("error").asText().contains("users"), twice.toString());
    }

    @Test
    void aRefusalOfTheCommandLayerNamesTheBodyFieldAtFault() throws Exception {
        assertEquals("users", client.json("PATCH", "/execution/start",
                "{\"scenario\": \"" + SCENARIO + "\", \"users\": 0}").expect(400).path("field").asText());
        assertEquals("users", client.json("PATCH", "/execution/add_users", "{\"users\": 0}").expect(400)
                .path("field").asText());
        assertEquals("users", client.json("PATCH", "/execution/remove_users", "{\"users\": -1}").expect(400)
                .path("field").asText());
        assertEquals("settings.interarrival", client.json("PATCH", "/execution/update_settings",
                "{\"settings\": {\"interarrival\": -5}}").expect(400).path("field").asText());
        assertEquals("settings.repeat_num", client.json("PATCH", "/execution/start", "{\"scenario\": \""
                + SCENARIO + "\", \"users\": 1, \"settings\": {\"repeat_num\": -1}}").expect(400).path("field").asText());
    }
}
