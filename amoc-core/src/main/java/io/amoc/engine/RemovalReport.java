package io.amoc.engine;

import java.io.Serializable;
import java.util.List;

/**
 * What a removal did on a node.
 *
 * @param removed    ids asked to stop
 * @param stragglers ids still alive after the grace period of a forced removal (empty when gentle)
 */
public record RemovalReport(List<Long> removed, List<Long> stragglers) implements Serializable {

    public RemovalReport {
        removed = List.copyOf(removed);
        stragglers = List.copyOf(stragglers);
    }
}
