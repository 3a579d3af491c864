package io.amoc.metrics;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphiteAnnotationsTest {

    private record Received(String method, String path, String contentType, String body) {
    }

    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final RateLimitedWarnings limited =
            new RateLimitedWarnings(GraphiteReporter.WARNING_PERIOD, System::currentTimeMillis, warnings::add);

    @Test
    void aStartIsPostedToEventsWithItsTagsAndText() throws Exception {
        LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try (GraphiteAnnotations annotations = new GraphiteAnnotations(
                "127.0.0.1:" + server.getAddress().getPort(), limited)) {
            annotations.started("PingPong", "baseline \"v2\"", 1, 100, 3);
            annotations.removed("PingPong", 10, 3);

            Received start = received.poll(10, TimeUnit.SECONDS);
            Received remove = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(start, "no POST arrived");
            assertNotNull(remove, "no second POST arrived");
            Received first = start.body().contains("amoc start") ? start : remove;
            Received second = first == start ? remove : start;
            assertEquals("POST", first.method());
            assertEquals("/events/", first.path());
            assertEquals("application/json", first.contentType());
            assertEquals("{\"what\": \"amoc start\", \"tags\": \"amoc start\", \"data\": \"Scenario: PingPong. "
                    + "comment: baseline \\\"v2\\\". Start: 1. End: 100. Nodes: 3.\"}", first.body());
            assertTrue(second.body().contains("\"tags\": \"amoc remove\""), second.body());
            assertTrue(second.body().contains("Scenario: PingPong. Removed: 10. Nodes: 3."), second.body());
            assertTrue(warnings.isEmpty(), warnings.toString());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableGraphiteWebNeverBlocksTheCallerAndWarnsOnce() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        try (GraphiteAnnotations annotations = new GraphiteAnnotations("127.0.0.1:" + closedPort, limited)) {
            long before = System.nanoTime();
            var first = annotations.post(AnnotationText.added("S", 1, 10, 1));
            var second = annotations.post(AnnotationText.added("S", 11, 20, 1));
            assertTrue(Duration.ofNanos(System.nanoTime() - before).compareTo(GraphiteAnnotations.TIMEOUT) < 0,
                    "posting returns before any answer");
            first.get(20, TimeUnit.SECONDS);
            second.get(20, TimeUnit.SECONDS);
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("cannot annotate Graphite"), warnings.get(0));
    }
}
