package io.amoc.command;

import io.amoc.cluster.ClusterResult;
import io.amoc.engine.NodeRunInfo;
import io.amoc.health.OverloadSpell;
import io.amoc.report.RecordedRun;
import io.amoc.report.RunManifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run as the master knows it, for its summary, verdict and report: what ran, the configuration at its start, its
 * figures as recorded, its failed users grouped by cause, and each node's Java, amoc version and overloaded spells.
 *
 * @param scenario the scenario's name
 * @param sha256   the SHA-256 of the version that ran
 * @param config   every config value in effect at the start, with its source
 * @param run      the figures over time and over the run, per node and merged (nodes that left kept and marked)
 * @param failures the failed users, grouped by cause, over the nodes that answered
 * @param nodes    each node's Java, amoc version and overloaded spells during the run, or why it did not say
 * @param ended    false while the run still runs (its record so far)
 */
record RunRecord(String scenario, String sha256, Map<String, RunManifest.ConfigValue> config, RecordedRun run,
                 Failures failures, ClusterResult<NodeRunInfo> nodes, boolean ended) {

    /**
     * The nodes whose generator was overloaded during the run, each with its spells: those it told of, and for a
     * node that could not tell (it left), the intervals in which the recording saw it overloaded.
     */
    Map<String, List<OverloadSpell>> overloaded() {
        Map<String, List<OverloadSpell>> overloaded = new LinkedHashMap<>();
        nodes.values().forEach((node, info) -> {
            if (!info.overloaded().isEmpty()) {
                overloaded.put(node, info.overloaded());
            }
        });
        RecordedOverloads.of(run).forEach((node, spells) -> {
            if (!nodes.values().containsKey(node)) {
                overloaded.put(node, spells);
            }
        });
        return overloaded;
    }
}
