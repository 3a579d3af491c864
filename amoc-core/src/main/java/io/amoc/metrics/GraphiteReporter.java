package io.amoc.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reports a node's metrics to Graphite's plaintext port every interval, on its own daemon thread. Users and the
 * shell never wait for it: recording only touches the registry, and a Graphite that is down or slow costs this
 * thread at most the send timeout per report. Failures are warned about at most once a minute; reporting resumes
 * by itself when Graphite answers again.
 */
public final class GraphiteReporter implements AutoCloseable {

    /** Longest a report may take to connect or to be written. */
    public static final Duration MAX_SEND_TIMEOUT = Duration.ofSeconds(5);
    /** At most one warning about Graphite per this period. */
    public static final Duration WARNING_PERIOD = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(GraphiteReporter.class);
    private static final long MILLIS_PER_SECOND = 1000;

    private final NodeMetrics metrics;
    private final GraphiteTarget target;
    private final PlaintextSender sender;
    private final RateLimitedWarnings warnings;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong reports = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private boolean failing;

    GraphiteReporter(NodeMetrics metrics, GraphiteTarget target, RateLimitedWarnings warnings) {
        this.metrics = metrics;
        this.target = target;
        Duration timeout = target.interval().compareTo(MAX_SEND_TIMEOUT) < 0 ? target.interval() : MAX_SEND_TIMEOUT;
        this.sender = new PlaintextSender(target.host(), target.port(), timeout);
        this.warnings = warnings;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "amoc-graphite-reporter");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts reporting {@code metrics} to {@code target}, warnings to slf4j. */
    public static GraphiteReporter start(NodeMetrics metrics, GraphiteTarget target) {
        return start(metrics, target, new RateLimitedWarnings(WARNING_PERIOD, System::currentTimeMillis, LOG::warn));
    }

    /** Starts reporting {@code metrics} to {@code target}, warnings to {@code warnings}. */
    public static GraphiteReporter start(NodeMetrics metrics, GraphiteTarget target, RateLimitedWarnings warnings) {
        GraphiteReporter reporter = new GraphiteReporter(metrics, target, warnings);
        long period = target.interval().toMillis();
        reporter.scheduler.scheduleAtFixedRate(reporter::reportOnce, period, period, TimeUnit.MILLISECONDS);
        LOG.info("reporting metrics to Graphite {}:{} as {} every {} ms", target.host(), target.port(),
                target.prefix(), period);
        return reporter;
    }

    /** Reports made so far (sent or not). */
    public long reports() {
        return reports.get();
    }

    /** Reports that could not be sent. */
    public long failures() {
        return failures.get();
    }

    void reportOnce() {
        try {
            long now = System.currentTimeMillis() / MILLIS_PER_SECOND;
            sender.send(GraphiteLines.report(metrics, target.prefix(), now));
            if (failing) {
                LOG.info("Graphite {}:{} answers again: reporting resumed", target.host(), target.port());
                failing = false;
            }
        } catch (IOException | RuntimeException e) {
            failures.incrementAndGet();
            failing = true;
            warnings.warn("cannot report metrics to Graphite " + target.host() + ":" + target.port() + ": " + e
                    + "; the run goes on and reporting retries every " + target.interval().toMillis() + " ms");
        } finally {
            reports.incrementAndGet();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(MAX_SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.close();
    }
}
