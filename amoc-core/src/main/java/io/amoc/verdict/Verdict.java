package io.amoc.verdict;

import java.util.List;

/**
 * How a run ended: every threshold held (passed), one failed (failed), a load generator was overloaded so its
 * figures cannot be trusted (inconclusive, whatever the thresholds say), or the run could not be carried out
 * (error). The launcher turns the outcome into its exit status.
 *
 * @param outcome    the outcome
 * @param thresholds every threshold, evaluated, in the order given
 * @param overloaded the nodes whose generator was overloaded during the run
 * @param reason     one line saying why, e.g. "inconclusive: generator overloaded on 1 node (slave-1)"
 */
public record Verdict(Outcome outcome, List<ThresholdResult> thresholds, List<String> overloaded, String reason) {

    /** The outcomes, most severe last but {@link #ERROR}. */
    public enum Outcome { PASSED, FAILED, INCONCLUSIVE, ERROR }

    public Verdict {
        thresholds = List.copyOf(thresholds);
        overloaded = List.copyOf(overloaded);
    }

    /** The verdict of a run that ran to its end. */
    public static Verdict of(List<ThresholdResult> thresholds, List<String> overloadedNodes) {
        long failed = thresholds.stream().filter(t -> !t.held()).count();
        if (!overloadedNodes.isEmpty()) {
            return new Verdict(Outcome.INCONCLUSIVE, thresholds, overloadedNodes, "inconclusive: generator overloaded on "
                    + nodes(overloadedNodes.size()) + " (" + String.join(", ", overloadedNodes) + ")"
                    + (failed == 0 ? "" : "; " + thresholdsText(failed) + " failed, maybe because of it"));
        }
        if (failed > 0) {
            return new Verdict(Outcome.FAILED, thresholds, overloadedNodes,
                    "failed: " + failed + " of " + thresholdsText(thresholds.size()) + " failed");
        }
        return new Verdict(Outcome.PASSED, thresholds, overloadedNodes, thresholds.isEmpty()
                ? "passed: the run ended without errors (no thresholds given)"
                : thresholds.size() == 1 ? "passed: the threshold held"
                : "passed: all " + thresholdsText(thresholds.size()) + " held");
    }

    /** A run that could not be carried out. */
    public static Verdict error(String reason) {
        return new Verdict(Outcome.ERROR, List.of(), List.of(), "error: " + reason);
    }

    private static String nodes(long n) {
        return n == 1 ? "1 node" : n + " nodes";
    }

    private static String thresholdsText(long n) {
        return n == 1 ? "1 threshold" : n + " thresholds";
    }
}
