package io.amoc.http;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document served at /api-docs/openapi.json against the running API, both ways: it parses without an
 * error, it lists exactly the operations the server routes, each of them answers (no 404 for its path, no 405 for
 * its method), and each asks for a token exactly when the document says so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {

    @TempDir
    static Path dir;
    private LocalApi api;
    private OpenAPI document;

    /** One operation of the document. */
    private record Documented(String method, String path, Operation operation) {
        String name() {
            return method + " " + path;
        }
    }

    @BeforeAll
    void start() throws Exception {
        api = LocalApi.start(dir, Map.of("interarrival", "0"), Map.of());
        ApiClient.Answer answer = api.client().withToken(null).get("/api-docs/openapi.json");
        assertEquals(200, answer.status());
        String served = answer.text();
        SwaggerParseResult parsed = new OpenAPIParser().readContents(served, null, null);
        assertEquals(List.of(), parsed.getMessages(), "the document parses without an error");
        document = parsed.getOpenAPI();
    }

    @AfterAll
    void stop() throws InterruptedException {
        api.close();
    }

    private List<Documented> documented() {
        List<Documented> operations = new ArrayList<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operations.add(new Documented(method.name(), path, operation))));
        return operations;
    }

    @Test
    void theDocumentListsExactlyTheOperationsTheServerRoutes() {
        TreeSet<String> served = new TreeSet<>(api.server.operations().stream()
                .filter(o -> !o.contains(" " + AccessGuard.DOCS)).toList());
        TreeSet<String> inDocument = new TreeSet<>(documented().stream().map(Documented::name).toList());
        assertEquals(served, inDocument);
        assertEquals(16, inDocument.size(), inDocument.toString());
    }

    @Test
    void everyDocumentedOperationAnswersAtItsPathAndMethod() throws Exception {
        ApiClient client = api.client();
        for (Documented op : documented()) {
            String path = op.path().replace("{node}", "local").replace("{name}", "NoSuchScenario");
            ApiClient.Answer answer = op.method().equals("GET") ? client.get(path)
                    : client.send(op.method(), path, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            assertNotEquals(405, answer.status(), op.name() + ": " + answer.text());
            assertFalse(answer.text().contains("no such endpoint"), op.name() + ": " + answer.text());
            assertTrue(op.operation().getResponses().containsKey(Integer.toString(answer.status())),
                    op.name() + " answered " + answer.status() + ", which the document does not list: " + answer.text());
        }
    }

    @Test
    void everyOperationThatTakesABodyDocumentsWhatItAnswersToOneTooLarge() throws Exception {
        ApiClient client = api.client();
        byte[] tooLarge = new byte[RequestBody.MAX_JSON_BYTES + 1];
        java.util.Arrays.fill(tooLarge, (byte) ' ');
        for (Documented op : documented()) {
            if (op.operation().getRequestBody() == null) {
                continue;
            }
            String path = op.path().replace("{name}", "NoSuchScenario");
            boolean json = op.operation().getRequestBody().getContent().containsKey("application/json");
            ApiClient.Answer answer = client.sendExpectingContinue(op.method(), path,
                    json ? "application/json" : "text/plain", tooLarge);
            assertEquals(413, answer.status(), op.name() + ": " + answer.text());
            assertTrue(op.operation().getResponses().containsKey("413"), op.name() + " answers 413, which the"
                    + " document does not list");
        }
    }

    @Test
    void exactlyTheOperationsTheDocumentLeavesOpenAnswerWithoutAToken() throws Exception {
        ApiClient anonymous = api.client().withToken(null);
        for (Documented op : documented()) {
            boolean open = op.operation().getSecurity() != null
                    && op.operation().getSecurity().stream().anyMatch(Map::isEmpty);
            String path = op.path().replace("{node}", "local").replace("{name}", "NoSuchScenario");
            int status = op.method().equals("GET") ? anonymous.get(path).status()
                    : anonymous.send(op.method(), path, "application/json", "{}".getBytes(StandardCharsets.UTF_8)).status();
            assertEquals(open, status != 401, op.name() + " answered " + status + " without a token");
            assertTrue(open || op.operation().getResponses().containsKey("401"), op.name() + " documents its 401");
        }
    }

    @Test
    void theDocumentationItselfNeedsNoToken() throws Exception {
        ApiClient anonymous = api.client().withToken(null);
        assertTrue(anonymous.get("/api-docs").text().contains("swagger-ui"));
        assertEquals(200, anonymous.get("/api-docs/swagger-ui-bundle.js").status());
        ApiClient.Answer escape = anonymous.send("GET", "/api-docs/%2e%2e/%2e%2e/etc/passwd", null, new byte[0]);
        assertTrue(escape.status() == 400 || escape.status() == 404, escape.status() + ": " + escape.text());
        assertFalse(escape.text().contains("root:"), escape.text());
        assertEquals(404, anonymous.get("/api-docs/index.css.map").status());
    }
}
