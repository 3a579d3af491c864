package io.amoc.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.amoc.rmi.SlaveProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API of a real master driving two real slave JVMs over RMI with TLS, through one run: upload, start on both
 * slaves, users rising in GET /status, add, remove, stop; and each endpoint's refusals on the way. In order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiOverTwoSlavesTest {

    private static final Duration SILENCE = Duration.ofSeconds(30);
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final String SCENARIO = "SleepsUntilRemoved";

    @TempDir
    static Path dir;
    private final List<SlaveProcess> slaves = new ArrayList<>();
    private LocalApi api;
    private ApiClient client;
    private String first;
    private String second;

    @BeforeAll
    void start() throws Exception {
        slaves.add(SlaveProcess.start(dir.resolve("slave-1"), SILENCE));
        slaves.add(SlaveProcess.start(dir.resolve("slave-2"), SILENCE));
        first = slaves.get(0).address();
        second = slaves.get(1).address();
        api = LocalApi.start(dir.resolve("master"), Map.of("interarrival", "0", "rmi_read_timeout", "10",
                "tls_dir", "\"" + SlaveProcess.tlsDir() + "\"", "hosts", "[\"" + first + "\", \"" + second + "\"]"),
                Map.of());
        client = api.client();
    }

    @AfterAll
    void stop() throws Exception {
        if (api != null) {
            api.close();
        }
        for (SlaveProcess slave : slaves) {
            slave.close();
        }
    }

    @Test
    @Order(1)
    void nodesListsTheMasterAndBothSlavesUp() throws Exception {
        JsonNode nodes = client.get("/nodes").expect(200);
        assertEquals("up", nodes.path("nodes").path("local").asText(), nodes.toString());
        assertEquals("up", nodes.path("nodes").path(first).asText(), nodes.toString());
        assertEquals("up", nodes.path("nodes").path(second).asText(), nodes.toString());
    }

    @Test
    @Order(2)
    void anUploadedSourceCompilesAndJoinsTheScenarios() throws Exception {
        JsonNode uploaded = client.upload(Sources.SLEEPS_UNTIL_REMOVED).expect(200);
        assertEquals("ok", uploaded.path("compile").asText());
        assertEquals(SCENARIO, uploaded.path("scenario").asText());
        assertEquals(64, uploaded.path("sha256").asText().length(), uploaded.toString());

        assertEquals(List.of(SCENARIO), names(client.get("/scenarios").expect(200).path("scenarios")));
        assertEquals("loaded", client.get("/scenarios/" + SCENARIO).expect(200).path("scenario_status").asText());
        JsonNode info = client.get("/scenarios/info/" + SCENARIO).expect(200);
        assertEquals(uploaded.path("sha256"), info.path("sha256"));
        assertTrue(info.path("source").asText().endsWith("uploads/" + SCENARIO + ".java"), info.toString());
    }

    @Test
    @Order(3)
    void aSourceThatDoesNotCompileComesBackAsJavacsDiagnosticsAndChangesNothing() throws Exception {
        JsonNode refused = client.upload(Sources.DOES_NOT_COMPILE).expect(422);
        assertEquals("error", refused.path("compile").asText());
        JsonNode diagnostic = refused.path("diagnostics").get(0);
        assertEquals("DoesNotCompile.java", diagnostic.path("file").asText());
        assertEquals(6, diagnostic.path("line").asInt(), refused.toString());
        assertTrue(diagnostic.path("column").asInt() > 0, refused.toString());
        assertTrue(diagnostic.path("message").asText().contains("incompatible types"), refused.toString());
        assertEquals(List.of(SCENARIO), names(client.get("/scenarios").json().path("scenarios")));

        JsonNode legacy = client.json("POST", "/scenarios", "{\"scenario\": \"DoesNotCompile\", \"module_source\": "
                + Json.MAPPER.writeValueAsString(Sources.DOES_NOT_COMPILE) + "}").expect(422);
        assertEquals(refused.path("diagnostics"), legacy.path("diagnostics"));
    }

    @Test
    @Order(4)
    void uploadsOverOneMebibyteOrOfAnotherContentTypeAreRefused() throws Exception {
        byte[] huge = ("// " + "x".repeat(1024 * 1024) + "\n" + Sources.SLEEPS_UNTIL_REMOVED).getBytes(StandardCharsets.UTF_8);
        client.send("PUT", "/scenarios/upload", "text/plain", huge).expect(413);
        client.send("PUT", "/scenarios/upload", "application/x-www-form-urlencoded",
                Sources.SLEEPS_UNTIL_REMOVED.getBytes(StandardCharsets.UTF_8)).expect(415);
        client.send("PATCH", "/execution/start", "text/plain", "{}".getBytes(StandardCharsets.UTF_8)).expect(415);
        JsonNode hugeJson = client.json("POST", "/scenarios", "{\"scenario\": \"Big\", \"module_source\": "
                + Json.MAPPER.writeValueAsString(new String(huge, StandardCharsets.UTF_8)) + "}").expect(413);
        assertEquals("source", hugeJson.path("field").asText(), hugeJson.toString());
    }

    @Test
    @Order(5)
    void badBodiesNameTheFieldAtFault() throws Exception {
        assertEquals("users", client.json("PATCH", "/execution/start",
                "{\"scenario\": \"" + SCENARIO + "\", \"users\": \"ten\"}").expect(400).path("field").asText());
        assertEquals("scenario", client.json("PATCH", "/execution/start", "{\"users\": 10}").expect(400)
                .path("field").asText());
        assertEquals("to", client.json("PATCH", "/execution/start",
                "{\"scenario\": \"" + SCENARIO + "\", \"from\": 5, \"to\": 2}").expect(400).path("field").asText());
        assertTrue(client.json("PATCH", "/execution/start", "{not json").expect(400).path("error").asText()
                .startsWith("the body is not JSON"));
        assertEquals("target", client.json("PATCH", "/execution/stop", "{\"target\": \"everywhere\"}").expect(400)
                .path("field").asText());
        client.json("PATCH", "/execution/start", "{\"scenario\": \"NoSuchScenario\", \"users\": 1}").expect(404);
        client.get("/scenarios/NoSuchScenario").expect(404);
        client.get("/status/10.9.9.9:1099").expect(404);
        client.get("/no/such/path").expect(404);
        client.json("DELETE", "/scenarios", "{}").expect(405);
    }

    @Test
    @Order(6)
    void aChangeOfUsersWithoutARunIsTheWrongState() throws Exception {
        client.json("PATCH", "/execution/add_users", "{\"users\": 2, \"target\": \"dist\"}").expect(409);
        client.json("PATCH", "/execution/remove_users", "{\"users\": 2, \"target\": \"dist\"}").expect(409);
    }

    @Test
    @Order(7)
    void startRunsUsersOnBothSlavesAndStatusShowsThemRising() throws Exception {
        JsonNode started = client.json("PATCH", "/execution/start", "{\"scenario\": \"" + SCENARIO + "\","
                + " \"users\": 10, \"target\": \"dist\", \"comment\": \"over HTTP\","
                + " \"settings\": {\"interarrival\": 200}}").expect(200);
        assertEquals(List.of(first, second), nodeNames(started));
        assertTrue(started.path("nodes").get(0).path("ok").asBoolean(), started.toString());

        List<Long> seen = new ArrayList<>();
        waitUntil("10 users alive", () -> {
            long users = client.get("/status").expect(200).path("users").asLong();
            if (seen.isEmpty() || seen.getLast() != users) {
                seen.add(users);
            }
            return users == 10;
        });
        assertTrue(seen.size() >= 2 && seen.getFirst() < 10, "users rose: " + seen);
        JsonNode status = client.get("/status").json();
        assertEquals(5, status.path("dist").get(0).path("users").asLong(), status.toString());
        assertEquals(5, status.path("dist").get(1).path("users").asLong(), status.toString());
        assertEquals("running", client.get("/scenarios/" + SCENARIO).json().path("scenario_status").asText());
        JsonNode one = client.get("/status/" + first).expect(200);
        assertEquals("dist", one.path("target").asText());
        assertEquals(9, one.path("highest_id").asLong(), "ids 1, 3, ..., 9 on the first slave: " + one);
        assertEquals("interarrival", client.json("PATCH", "/execution/update_settings",
                "{\"settings\": {\"interarrival\": 0}}").expect(200).path("settings").get(0).path("key").asText());

        client.json("PATCH", "/execution/start", "{\"scenario\": \"" + SCENARIO + "\", \"users\": 2}").expect(409);
    }

    @Test
    @Order(8)
    void addAndRemoveContinueTheIdsRoundRobinAndTakeTheHighest() throws Exception {
        JsonNode added = client.json("PATCH", "/execution/add_users", "{\"users\": 4}").expect(200);
        assertEquals(11, added.path("nodes").get(0).path("ids").path("first").asLong(), added.toString());
        assertEquals(12, added.path("nodes").get(1).path("ids").path("first").asLong(), added.toString());
        waitUntil("14 users alive", () -> client.get("/status").json().path("users").asLong() == 14);

        JsonNode removed = client.json("PATCH", "/execution/remove_users", "{\"users\": 3, \"force\": true}")
                .expect(200);
        List<Long> ids = new ArrayList<>();
        removed.path("nodes").forEach(n -> n.path("removed").forEach(id -> ids.add(id.asLong())));
        ids.sort(null);
        assertEquals(List.of(12L, 13L, 14L), ids, removed.toString());
        waitUntil("11 users alive", () -> client.get("/status").json().path("users").asLong() == 11);

        JsonNode metrics = client.get("/metrics?target=dist").expect(200);
        assertEquals(2, metrics.path("answered").asInt(), metrics.toString());
        assertEquals(11, metrics.path("users").asLong(), metrics.toString());
        assertEquals(0, client.get("/failures").expect(200).path("total").asLong());
        assertEquals("dist", client.get("/failures").json().path("target").asText(), "the running target");
    }

    @Test
    @Order(9)
    void stopEndsTheRunWithItsSummaryAndTheOriginalsStartRunsAgain() throws Exception {
        JsonNode stopped = client.json("PATCH", "/execution/stop", "").expect(200);
        assertEquals(11, stopped.path("summary").path("users").asLong(), stopped.toString());
        assertEquals("finished", client.get("/scenarios/" + SCENARIO).json().path("scenario_status").asText());
        client.json("PATCH", "/execution/add_users", "{\"users\": 1}").expect(409);

        JsonNode legacy = client.json("PATCH", "/scenarios/" + SCENARIO, "{\"users\": 4}").expect(200);
        assertEquals("started", legacy.path("scenario").asText());
        waitUntil("4 users alive", () -> client.get("/status").json().path("users").asLong() == 4);
        client.json("PATCH", "/execution/stop", "{\"target\": \"dist\"}").expect(200);
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static List<String> nodeNames(JsonNode answer) {
        List<String> names = new ArrayList<>();
        answer.path("nodes").forEach(n -> names.add(n.path("node").asText()));
        return names;
    }

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
