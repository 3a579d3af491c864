package io.amoc.engine;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The spawn queue against a model: a sorted set of the ids asked for, less those taken or cancelled. */
class SpawnQueueProperties {

    private static final long[] NO_LIVE_IDS = new long[0];

    @Property
    void takingAndCancellingLeaveExactlyTheOtherIdsQueuedInOrder(
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 15) Integer> rangeSizes,
            @ForAll @IntRange(min = 1, max = 4) int step,
            @ForAll @IntRange(min = 0, max = 30) int takes,
            @ForAll @Size(max = 20) List<@LongRange(min = 1, max = 150) Long> cancels) {
        SpawnQueue queue = new SpawnQueue();
        TreeSet<Long> model = new TreeSet<>();
        long next = 1;
        for (int size : rangeSizes) {
            IdRange range = new IdRange(next, next + (long) (size - 1) * step, step);
            queue.add(range);
            range.ids().forEach(model::add);
            next = next + (long) size * step + 1;
        }
        List<Long> taken = new ArrayList<>();
        for (int i = 0; i < takes; i++) {
            Long id = queue.take(Long::valueOf);
            if (id != null) {
                taken.add(id);
            }
        }
        long[] toCancel = cancels.stream().sorted(Comparator.reverseOrder()).distinct().mapToLong(Long::longValue)
                .toArray();

        List<Long> cancelled = queue.cancel(toCancel);

        List<Long> expectedTaken = model.stream().limit(takes).toList();
        assertEquals(expectedTaken, taken, "ids are taken in ascending order");
        model.removeAll(expectedTaken);
        assertEquals(cancels.stream().filter(model::contains).distinct().sorted(Comparator.reverseOrder()).toList(),
                cancelled, "exactly the queued ids are cancelled");
        model.removeAll(cancelled);
        long[] expectedQueued = model.descendingSet().stream().mapToLong(Long::longValue).toArray();
        assertArrayEquals(expectedQueued, queue.highestIds(Integer.MAX_VALUE, n -> NO_LIVE_IDS));
        assertEquals(new SpawnQueue.Progress(taken.size(), model.size()), queue.progress());
    }

    @Property
    void theHighestIdsAreTheQueuedOnesFollowedByTheHighestLive(@ForAll @IntRange(min = 0, max = 10) int queued,
                                                               @ForAll @IntRange(min = 0, max = 25) int count) {
        SpawnQueue queue = new SpawnQueue();
        queue.add(IdRange.of(11, 10 + queued));
        long[] live = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};

        long[] highest = queue.highestIds(count, n -> Arrays.copyOf(live, Math.min(n, live.length)));

        long[] expected = LongStream.iterate(10 + queued, id -> id >= 1, id -> id - 1)
                .limit(count).toArray();
        assertArrayEquals(expected, highest);
    }
}
