package io.amoc.metrics;

import com.codahale.metrics.Clock;
import com.codahale.metrics.Meter;

import java.util.function.LongSupplier;

/**
 * A counter of events: Dropwizard's meter (total count and decaying rates) plus the exact number of events in the
 * last 60 seconds, reported to Graphite as {@code .one}.
 */
public final class EventMeter extends Meter {

    private final LastMinute lastMinute;

    public EventMeter() {
        this(System::currentTimeMillis);
    }

    EventMeter(LongSupplier clockMillis) {
        super(Clock.defaultClock());
        this.lastMinute = new LastMinute(clockMillis);
    }

    @Override
    public void mark(long n) {
        super.mark(n);
        lastMinute.add(n);
    }

    /** Events in the last 60 seconds (this second and the 59 before it). */
    public long lastMinute() {
        return lastMinute.sum();
    }
}
