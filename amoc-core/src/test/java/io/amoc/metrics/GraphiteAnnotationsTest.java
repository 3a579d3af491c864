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
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphiteAnnotationsTest {

    private record Received(String method, String path, String contentType, String body, long arrivedNanos) {
    }

    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final RateLimitedWarnings limited =
            new RateLimitedWarnings(GraphiteReporter.WARNING_PERIOD, System::currentTimeMillis, warnings::add);
    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();

    @Test
    void aStartIsPostedToEventsWithItsTagsTextAndTime() throws Exception {
        HttpServer server = graphiteWeb(Duration.ZERO);
        try (GraphiteAnnotations annotations = new GraphiteAnnotations(endpoint(server), limited, () -> 1_700_000_000_500L)) {
            annotations.started("PingPong", "baseline \"v2\"", 1, 100, 3);

            Received start = next();
            assertEquals("POST", start.method());
            assertEquals("/events/", start.path());
            assertEquals("application/json", start.contentType());
            assertEquals("{\"what\": \"amoc start\", \"tags\": \"amoc start\", \"data\": \"Scenario: PingPong. "
                    + "Comment: baseline \\\"v2\\\". Start: 1. End: 100. Nodes: 3.\", \"when\": 1700000000}",
                    start.body());
            assertTrue(warnings.isEmpty(), warnings.toString());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void eventsArriveInTheOrderTheyHappenedEachWithItsOwnTimeEvenWhenGraphiteIsSlow() throws Exception {
        HttpServer server = graphiteWeb(Duration.ofMillis(200));
        AtomicLong clock = new AtomicLong(1_700_000_000_000L);
        try (GraphiteAnnotations annotations = new GraphiteAnnotations(endpoint(server), limited,
                () -> clock.getAndAdd(1_000))) {
            annotations.started("PingPong", "", 1, 10, 1);
            annotations.added("PingPong", 11, 20, 1);
            annotations.removed("PingPong", 5, true, 1);
            annotations.removed("PingPong", 2, false, 1);
            annotations.stopped("PingPong", 1);

            List<String> bodies = new ArrayList<>();
            long previousArrival = 0;
            for (int i = 0; i < 5; i++) {
                Received event = next();
                bodies.add(event.body());
                assertTrue(i == 0 || event.arrivedNanos() - previousArrival >= Duration.ofMillis(150).toNanos(),
                        "event " + i + " left before the previous one was answered");
                previousArrival = event.arrivedNanos();
            }
            assertTrue(bodies.get(0).contains("\"what\": \"amoc start\""), bodies.get(0));
            assertFalse(bodies.get(0).contains("omment"), "no comment is said when none was given: " + bodies.get(0));
            assertTrue(bodies.get(1).contains("\"what\": \"amoc add\""), bodies.get(1));
            assertTrue(bodies.get(2).contains("Removed: 5. Force: true."), bodies.get(2));
            assertTrue(bodies.get(3).contains("Removed: 2. Force: false."), bodies.get(3));
            assertTrue(bodies.get(4).contains("\"data\": \"Scenario: PingPong. Nodes: 1.\""), bodies.get(4));
            for (int i = 0; i < 5; i++) {
                assertTrue(bodies.get(i).endsWith("\"when\": " + (1_700_000_000 + i) + "}"), bodies.get(i));
            }
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
            var first = annotations.post(AnnotationText.added("S", 1, 10, 1, System.currentTimeMillis()));
            var second = annotations.post(AnnotationText.added("S", 11, 20, 1, System.currentTimeMillis()));
            assertTrue(Duration.ofNanos(System.nanoTime() - before).compareTo(GraphiteAnnotations.TIMEOUT) < 0,
                    "posting returns before any answer");
            first.get(20, TimeUnit.SECONDS);
            second.get(20, TimeUnit.SECONDS);
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("cannot annotate Graphite"), warnings.get(0));
    }

    /** A real HTTP listener that records each request and answers after {@code delay}, one request at a time. */
    private HttpServer graphiteWeb(Duration delay) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, System.nanoTime()));
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return server;
    }

    private static String endpoint(HttpServer server) {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private Received next() throws InterruptedException {
        Received next = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(next, "no POST arrived");
        return next;
    }
}
