package io.amoc.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JDK's HttpClient against a running API, with a token (or none) and the answers as JSON. */
final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** An answer: its status and its body as JSON (or as text when it is none). */
    record Answer(int status, String text, Map<String, java.util.List<String>> headers) {

        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text, e);
            }
        }

        /** Asserts the status, and that an error body is one line of JSON with an error text; returns the JSON. */
        JsonNode expect(int expected) {
            assertEquals(expected, status, text);
            assertFalse(text.contains("\n"), "one line: " + text);
            JsonNode json = json();
            if (expected >= 400) {
                assertTrue(json.path("error").isTextual() && !json.path("error").asText().isBlank(), text);
            }
            return json;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI base;
    private final String token;

    ApiClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    ApiClient withToken(String other) {
        return new ApiClient(base, other);
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    Answer json(String method, String path, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A body with the given content type (none when null), and extra headers as name, value pairs. */
    Answer send(String method, String path, String contentType, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /**
     * A body sent only once the server asked for it ({@code Expect: 100-continue}, as curl does for large bodies): a
     * server refusing it by its Content-Length answers without reading it.
     */
    Answer sendExpectingContinue(String method, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return send(request(path).expectContinue(true).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Answer upload(String source) throws IOException, InterruptedException {
        return send("PUT", "/scenarios/upload", null, source.getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response.headers().map());
    }
}
