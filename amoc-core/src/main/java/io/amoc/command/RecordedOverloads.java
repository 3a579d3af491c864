package io.amoc.command;

import io.amoc.health.GeneratorHealth;
import io.amoc.health.OverloadSpell;
import io.amoc.metrics.NodeMetrics;
import io.amoc.report.Figures;
import io.amoc.report.Interval;
import io.amoc.report.RecordedRun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The overloaded spells a run's recording shows: each node publishes {@code generator.overloaded} among its gauges, so
 * every sampling interval that ended with it at 1 is part of a spell. This is how the master knows of the overloads of
 * a node that left before it could be asked.
 */
final class RecordedOverloads {

    private static final String GAUGE = NodeMetrics.GENERATOR_GAUGES + GeneratorHealth.OVERLOADED;
    private static final String REASON = "overloaded when sampled (the node left before it could say why)";

    private RecordedOverloads() {
    }

    static Map<String, List<OverloadSpell>> of(RecordedRun run) {
        Map<String, List<OverloadSpell>> spells = new LinkedHashMap<>();
        Map<String, Long> openSince = new LinkedHashMap<>();
        for (Interval interval : run.timeline()) {
            interval.byNode().forEach((node, figures) -> {
                if (overloaded(figures)) {
                    openSince.putIfAbsent(node, interval.endMillis() - interval.millis());
                } else {
                    close(spells, openSince, node, interval.endMillis());
                }
            });
        }
        List.copyOf(openSince.keySet()).forEach(node -> close(spells, openSince, node, -1));
        return spells;
    }

    private static boolean overloaded(Figures figures) {
        return figures.gauges().getOrDefault(GAUGE, 0L) > 0;
    }

    private static void close(Map<String, List<OverloadSpell>> spells, Map<String, Long> openSince, String node,
                              long endMillis) {
        Long start = openSince.remove(node);
        if (start != null) {
            spells.computeIfAbsent(node, n -> new ArrayList<>()).add(new OverloadSpell(start, endMillis, REASON));
        }
    }
}
