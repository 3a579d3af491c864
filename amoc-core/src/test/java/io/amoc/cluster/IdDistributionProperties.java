package io.amoc.cluster;

import io.amoc.engine.IdRange;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdDistributionProperties {

    @Property
    void idIGoesToNodeIMinusOneModNPlusOne(@ForAll @LongRange(min = 1, max = 1_000_000) long from,
                                           @ForAll @IntRange(min = 0, max = 300) int count,
                                           @ForAll @IntRange(min = 1, max = 40) int nodes) {
        long to = from + count - 1;

        List<IdRange> ranges = IdDistribution.split(from, to, nodes);

        assertEquals(nodes, ranges.size());
        for (int k = 0; k < nodes; k++) {
            int node = k + 1;
            ranges.get(k).ids().forEach(id -> assertEquals(((id - 1) % nodes) + 1, node));
        }
    }

    @Property
    void everyIdIsGivenOutExactlyOnce(@ForAll @LongRange(min = 1, max = 1_000_000) long from,
                                      @ForAll @IntRange(min = 0, max = 300) int count,
                                      @ForAll @IntRange(min = 1, max = 40) int nodes) {
        long to = from + count - 1;

        List<IdRange> ranges = IdDistribution.split(from, to, nodes);

        long[] all = ranges.stream().flatMapToLong(IdRange::ids).sorted().toArray();
        assertEquals(count, all.length);
        for (int i = 0; i < all.length; i++) {
            assertEquals(from + i, all[i]);
        }
    }

    @Property
    void nodesGetEvenShares(@ForAll @LongRange(min = 1, max = 1_000_000) long from,
                            @ForAll @IntRange(min = 0, max = 300) int count,
                            @ForAll @IntRange(min = 1, max = 40) int nodes) {
        List<IdRange> ranges = IdDistribution.split(from, from + count - 1, nodes);

        long most = ranges.stream().mapToLong(IdRange::size).max().orElseThrow();
        long least = ranges.stream().mapToLong(IdRange::size).min().orElseThrow();
        assertTrue(most - least <= 1);
    }

    @Property
    void nodeOfAgreesWithSplit(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long id,
                               @ForAll @IntRange(min = 1, max = 1000) int nodes) {
        IdRange range = IdDistribution.split(id, id, nodes).get(IdDistribution.nodeOf(id, nodes) - 1);

        assertEquals(id, range.first());
        assertEquals(1, range.size());
    }
}
