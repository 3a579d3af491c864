package io.amoc.report;

import io.amoc.health.OverloadSpell;
import io.amoc.verdict.Verdict;

import java.util.List;
import java.util.Map;

/**
 * Everything a finished run's report shows.
 *
 * @param manifest   what was run, where, with what
 * @param verdict    passed, failed, inconclusive or error, with every threshold evaluated
 * @param run        the figures over time and over the whole run, per node and merged
 * @param failures   the user failures, grouped by cause, largest group first
 * @param overloaded each node's overloaded spells during the run (nodes never overloaded are absent)
 */
public record RunReport(RunManifest manifest, Verdict verdict, RecordedRun run, List<FailureRow> failures,
                        Map<String, List<OverloadSpell>> overloaded) {

    public RunReport {
        failures = List.copyOf(failures);
        overloaded = Map.copyOf(overloaded);
    }
}
