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
import java.util.function.LongSupplier;

/**
 * Marks starts, adds, removes and stops in Graphite: when config {@code graphite_endpoint} ({@code host:port} of
 * graphite-web) is set, each is POSTed to {@code http://<endpoint>/events/} as JSON with the time it happened,
 * asynchronously with timeouts, so the command never waits for it. Posts go one after the other, in the order of
 * the events (the next leaves when the previous was answered or failed), so Graphite never sees a remove before
 * the start it belongs to. (The command layer hears the clusters and calls it; io.amoc.cluster
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
    private final LongSupplier clockMillis;
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);

    public GraphiteAnnotations(String endpoint, RateLimitedWarnings warnings) {
        this(endpoint, warnings, System::currentTimeMillis);
    }

    /** @param clockMillis when an event happens (epoch ms) */
    public GraphiteAnnotations(String endpoint, RateLimitedWarnings warnings, LongSupplier clockMillis) {
        this.events = URI.create("http://" + endpoint + "/events/");
        this.warnings = warnings;
        this.clockMillis = clockMillis;
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
        post(AnnotationText.started(scenario, comment, from, to, nodes, clockMillis.getAsLong()));
    }

    public void added(String scenario, long from, long to, int nodes) {
        post(AnnotationText.added(scenario, from, to, nodes, clockMillis.getAsLong()));
    }

    public void removed(String scenario, long count, boolean force, int nodes) {
        post(AnnotationText.removed(scenario, count, force, nodes, clockMillis.getAsLong()));
    }

    public void stopped(String scenario, int nodes) {
        post(AnnotationText.stopped(scenario, nodes, clockMillis.getAsLong()));
    }

    /**
     * Sends one event after those posted before it; the future completes when graphite-web answered or the post
     * failed (already warned).
     */
    public synchronized CompletableFuture<Void> post(AnnotationText text) {
        last = last.thenCompose(previous -> send(text));
        return last;
    }

    private CompletableFuture<Void> send(AnnotationText text) {
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
