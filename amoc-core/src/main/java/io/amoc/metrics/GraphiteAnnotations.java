package io.amoc.metrics;

import io.amoc.config.Config;
import io.amoc.config.ConfigKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * Marks starts, adds and removes in Graphite: when config {@code graphite_endpoint} ({@code host:port} of
 * graphite-web) is set, each is POSTed to {@code http://<endpoint>/events/} as JSON, asynchronously with
 * timeouts, so the command never waits for it. (The command layer hears the clusters and calls it; io.amoc.cluster
 * depends on this package, not the other way.) Failures are warned about at most once a minute.
 */
public final class GraphiteAnnotations implements AutoCloseable {

    /** Longest an annotation may take to connect, and to be answered. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(GraphiteAnnotations.class);
    private static final int FIRST_ERROR_STATUS = 300;

    private final URI events;
    private final RateLimitedWarnings warnings;
    private final java.util.concurrent.ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client;

    public GraphiteAnnotations(String endpoint, RateLimitedWarnings warnings) {
        this.events = URI.create("http://" + endpoint + "/events/");
        this.warnings = warnings;
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).executor(executor).build();
    }

    /** The annotations the config asks for, warning to slf4j, or empty when {@code graphite_endpoint} is not set. */
    public static Optional<GraphiteAnnotations> fromConfig(Config config) {
        String endpoint = ConfigKeys.GRAPHITE_ENDPOINT.find(config).orElse("").trim();
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GraphiteAnnotations(endpoint,
                new RateLimitedWarnings(GraphiteReporter.WARNING_PERIOD, System::currentTimeMillis, LOG::warn)));
    }

    public void started(String scenario, String comment, long from, long to, int nodes) {
        post(AnnotationText.started(scenario, comment, from, to, nodes));
    }

    public void added(String scenario, long from, long to, int nodes) {
        post(AnnotationText.added(scenario, from, to, nodes));
    }

    public void removed(String scenario, long count, int nodes) {
        post(AnnotationText.removed(scenario, count, nodes));
    }

    /** Sends one event; the future completes when graphite-web answered or the post failed (already warned). */
    public CompletableFuture<Void> post(AnnotationText text) {
        HttpRequest request = HttpRequest.newBuilder(events).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text.json())).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            if (failure != null) {
                warnings.warn("cannot annotate Graphite at " + events + ": " + failure);
            } else if (response.statusCode() >= FIRST_ERROR_STATUS) {
                warnings.warn("Graphite at " + events + " refused an annotation: HTTP " + response.statusCode());
            }
            return null;
        });
    }

    @Override
    public void close() {
        client.shutdownNow();
        executor.shutdown();
    }
}
