package io.amoc.cluster;

import io.amoc.engine.IdRange;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits user ids round-robin over nodes: with N nodes, id {@code i} goes to node number {@code ((i - 1) mod N) + 1},
 * so user 1 goes to the first node, user 2 to the second, and so on, whatever {@code from} is.
 */
public final class IdDistribution {

    private IdDistribution() {
    }

    /**
     * The ids {@code from..to} for each of {@code nodeCount} nodes: index k holds node k+1's ids (possibly empty).
     *
     * @throws IllegalArgumentException if {@code from < 1} or {@code nodeCount < 1}
     */
    public static List<IdRange> split(long from, long to, int nodeCount) {
        if (from < 1 || nodeCount < 1) {
            throw new IllegalArgumentException("ids start at 1 and need at least one node: from " + from
                    + ", nodes " + nodeCount);
        }
        List<IdRange> ranges = new ArrayList<>(nodeCount);
        long offset = Math.floorMod(from - 1, (long) nodeCount);
        for (int k = 0; k < nodeCount; k++) {
            long first = from + Math.floorMod(k - offset, (long) nodeCount);
            ranges.add(new IdRange(first, to, nodeCount));
        }
        return ranges;
    }

    /** The 1-based number of the node that gets id {@code id} among {@code nodeCount} nodes. */
    public static int nodeOf(long id, int nodeCount) {
        return (int) ((id - 1) % nodeCount) + 1;
    }
}
