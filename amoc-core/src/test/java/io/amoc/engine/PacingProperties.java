package io.amoc.engine;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacingProperties {

    @Property
    void theNextUserIsNeverDueBeforeNowNorBeforeItsInterval(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long previous,
                                                             @ForAll @LongRange(min = 0, max = 1_000_000_000L) long interarrival,
                                                             @ForAll @LongRange(min = 0, max = 3_000_000_000L) long now) {
        long due = Pacing.nextDue(previous, interarrival, now);

        assertTrue(due >= now);
        assertTrue(due >= previous + interarrival);
    }

    @Property
    void onTimeUsersKeepAnExactRhythm(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long previous,
                                      @ForAll @LongRange(min = 1, max = 1_000_000_000L) long interarrival,
                                      @ForAll @LongRange(min = 0, max = 1_000_000_000L) long lateness) {
        long now = previous + Math.min(lateness, interarrival);

        assertEquals(previous + interarrival, Pacing.nextDue(previous, interarrival, now));
    }
}
