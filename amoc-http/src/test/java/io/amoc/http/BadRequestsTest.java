package io.amoc.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests a careless or hostile client sends, over real HTTP: every one is answered with the right 4xx and one line
 * of JSON naming what is wrong, and none of them starts, changes or stops anything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadRequestsTest {

    private static final String SCENARIO = "SleepsUntilRemoved";
    private static final int SOCKET_TIMEOUT_MS = 30_000;

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
        JsonNode sasl = client.json("PATCH", "/execution/update_settings", "{\"settings\": {\"xmpp_sasl\": \"FOO\"}}")
                .expect(400);
        assertEquals("settings.xmpp_sasl", sasl.path("field").asText(), sasl.toString());
        assertTrue(sasl.path("error").asText().contains("xmpp_sasl must be one of PLAIN, SCRAM-SHA-1, SCRAM-SHA-256"),
                sasl.toString());
        assertEquals("settings.repeat_num", client.json("PATCH", "/execution/start", "{\"scenario\": \""
                + SCENARIO + "\", \"users\": 1, \"settings\": {\"repeat_num\": -1}}").expect(400).path("field").asText());
    }

    @Test
    void aStartNamingANodeThatDoesNotExistIsNotFoundNamingTheNodesThereAre() throws Exception {
        JsonNode unknown = client.json("PATCH", "/execution/start", "{\"scenario\": \"" + SCENARIO + "\", \"users\": 2,"
                + " \"target\": \"local\", \"nodes\": [\"local\", \"locl\"], \"settings\": {\"interarrival\": 5}}")
                .expect(404);

        assertEquals("nodes", unknown.path("field").asText(), unknown.toString());
        assertEquals("local.do: no node named locl: the nodes are local (did you mean local?)",
                unknown.path("error").asText());
        assertEquals("0", client.json("PATCH", "/execution/update_settings", "{\"settings\": {\"interarrival\": 0}}")
                .expect(200).path("settings").get(0).path("value").asText(), "the refused start set no setting");
    }

    @Test
    void idsThatWouldOverflowAreRefusedAndTheRunGoesOn() throws Exception {
        JsonNode tooHigh = client.json("PATCH", "/execution/start", "{\"scenario\": \"" + SCENARIO + "\", \"from\": "
                + (Long.MAX_VALUE - 1) + ", \"to\": " + Long.MAX_VALUE + "}").expect(400);
        assertEquals("to", tooHigh.path("field").asText(), tooHigh.toString());

        long highest = io.amoc.command.RunControl.MAX_ID;
        client.json("PATCH", "/execution/start", "{\"scenario\": \"" + SCENARIO + "\", \"from\": " + (highest - 1)
                + ", \"to\": " + highest + "}").expect(200);
        waitUntilUsers(2);
        JsonNode refused = client.json("PATCH", "/execution/add_users", "{\"users\": 1}").expect(400);
        assertEquals("users", refused.path("field").asText(), refused.toString());
        JsonNode status = client.get("/status").expect(200);
        assertEquals("running", status.path("local").get(0).path("state").asText(), status.toString());
        assertEquals(2, status.path("users").asLong(), "nothing lost: " + status);
        assertEquals(highest, status.path("local").get(0).path("highest_id").asLong(), status.toString());
        client.json("PATCH", "/execution/remove_users", "{\"users\": 1, \"force\": true}").expect(200);
        client.json("PATCH", "/execution/stop", "").expect(200);
    }

    private void waitUntilUsers(long users) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (client.get("/status").expect(200).path("users").asLong() != users) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + users + " users");
            Thread.sleep(20);
        }
    }

    @Test
    void aNumberTooLargeForADoubleIsRefusedRatherThanTakenAsInfinity() throws Exception {
        JsonNode refused = client.json("PATCH", "/execution/update_settings", "{\"settings\": {\"repeat_num\": 1e400}}")
                .expect(400);
        assertEquals("settings.repeat_num", refused.path("field").asText(), refused.toString());
        assertEquals(io.amoc.config.ConfigSource.DEFAULT, api.master.settings().get("repeat_num").source(),
                "repeat_num unchanged");
    }

    @Test
    void aMethodThePathDoesNotTakeIsAnsweredWithTheMethodsItTakes() throws Exception {
        ApiClient.Answer refused = client.json("DELETE", "/scenarios", "{}");
        refused.expect(405);
        assertEquals("GET, POST", refused.headers().get("allow").getFirst(), refused.headers().toString());
        assertEquals("PATCH", client.get("/execution/start").headers().get("allow").getFirst());
    }

    @Test
    void requestsTheHttpServerRefusesBeforeAnyRouteStillGetOneLineOfJson() throws Exception {
        String longPath = "/scenarios/" + "a".repeat(20_000);
        assertJsonError(414, raw("GET " + longPath + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        assertJsonError(431, raw("GET /status HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n"));
        assertJsonError(400, raw("GET /scenarios/%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        assertJsonError(400, raw("PATCH /execution/stop HTTP/1.1\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void aChangeWithoutAHostHeaderIsRefusedSayingSo() throws Exception {
        ApiClient.Answer refused = raw("PATCH /execution/stop HTTP/1.0\r\nAuthorization: Bearer "
                + api.token(ApiTokens.Access.FULL) + "\r\n\r\n");
        assertJsonError(403, refused);
        assertTrue(refused.json().path("error").asText().startsWith("a change needs a Host header naming this API"),
                refused.text());
    }

    private static void assertJsonError(int status, ApiClient.Answer answer) {
        assertEquals(status, answer.status(), answer.text());
        assertEquals("application/json", answer.headers().get("content-type").getFirst().split(";")[0],
                answer.headers().toString());
        answer.expect(status);
        assertFalse(answer.text().contains("<html"), answer.text());
    }

    /** One request written as it is on a socket (to send what a well-behaved client cannot), its answer read to the end. */
    private ApiClient.Answer raw(String request) throws IOException {
        try (Socket socket = new Socket(api.server.uri().getHost(), api.server.port())) {
            socket.setSoTimeout(SOCKET_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String[] head = answer.substring(0, end).split("\r\n");
            Map<String, java.util.List<String>> headers = new java.util.TreeMap<>();
            for (int i = 1; i < head.length; i++) {
                String[] header = head[i].split(":", 2);
                headers.put(header[0].strip().toLowerCase(java.util.Locale.ROOT), java.util.List.of(header[1].strip()));
            }
            return new ApiClient.Answer(Integer.parseInt(head[0].split(" ")[1]), answer.substring(end + 4), headers);
        }
    }
}
