package io.amoc.command;

import io.amoc.health.OverloadSpell;
import io.amoc.verdict.Verdict;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a load test went.
 *
 * @param started      what the start did, per node
 * @param interarrival each node's interarrival during the run, in ms
 * @param end          how the wait for its end came out: {@code ended()} when every user finished, else the
 *                     duration passed or it was interrupted; empty when the run did not start on every node (it
 *                     is stopped at once)
 * @param interrupted  true when a {@link LoadTestInterruption} ended the run before its end
 * @param stopped      what the stop did, per node, with the run's summary; empty when the run started nowhere
 * @param verdict      passed, failed, inconclusive (a generator was overloaded) or error (the run could not be carried
 *                     out: it did not start or stop on every node, it was interrupted, users ignored the stop, or
 *                     its report could not be written)
 * @param overloaded   each node whose generator was overloaded during the run, with its spells
 * @param report       the report written, if one was asked for and could be written
 */
public record LoadTestResult(RunStarted started, long interarrival, Optional<RunWait> end, boolean interrupted,
                             Optional<RunStopped> stopped,
                             Verdict verdict, Map<String, List<OverloadSpell>> overloaded,
                             Optional<WrittenReport> report) {

    public LoadTestResult {
        overloaded = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(overloaded));
    }

    /** How long the run lasted, from its start to its stop. */
    public Optional<Duration> lasted() {
        return stopped.flatMap(RunStopped::summary).map(RunSummary::elapsed);
    }
}
