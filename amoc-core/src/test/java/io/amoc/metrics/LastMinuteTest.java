package io.amoc.metrics;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LastMinuteTest {

    @Test
    void countsOnlyTheEventsOfTheLastSixtySeconds() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        EventMeter meter = new EventMeter(now::get);
        meter.mark(5);
        now.addAndGet(30_000);
        meter.mark(3);
        assertEquals(8, meter.lastMinute());
        now.addAndGet(30_000);
        assertEquals(3, meter.lastMinute(), "the first 5 are 60 s old");
        now.addAndGet(29_999);
        assertEquals(3, meter.lastMinute());
        now.addAndGet(1);
        assertEquals(0, meter.lastMinute());
        assertEquals(8, meter.getCount(), "the total count never drops");
    }

    @Test
    void aBucketReusedAMinuteLaterStartsFromZero() {
        AtomicLong now = new AtomicLong(7_000);
        EventMeter meter = new EventMeter(now::get);
        meter.mark(100);
        now.addAndGet(60_000);
        meter.mark(1);
        assertEquals(1, meter.lastMinute());
    }
}
