package io.amoc.metrics;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Passes at most one warning per period to its sink (slf4j in production, a list in tests) and counts the ones it
 * held back, so a Graphite that stays down logs once a minute, not once a report.
 */
public final class RateLimitedWarnings {

    private final Duration period;
    private final LongSupplier clockMillis;
    private final Consumer<String> sink;
    private long lastShownAt = Long.MIN_VALUE;
    private long suppressed;

    public RateLimitedWarnings(Duration period, LongSupplier clockMillis, Consumer<String> sink) {
        this.period = period;
        this.clockMillis = clockMillis;
        this.sink = sink;
    }

    /** Warns, unless a warning was shown less than the period ago. */
    public synchronized void warn(String message) {
        long now = clockMillis.getAsLong();
        if (lastShownAt != Long.MIN_VALUE && now - lastShownAt < period.toMillis()) {
            suppressed++;
            return;
        }
        String held = suppressed == 0 ? "" : " (" + suppressed + " similar warnings held back)";
        lastShownAt = now;
        suppressed = 0;
        sink.accept(message + held);
    }
}
