package io.amoc.report;

/**
 * One node's part in a run.
 *
 * @param node          its name
 * @param firstMillis   when it first answered in the run (epoch ms)
 * @param lastMillis    when it last answered
 * @param left          true when it stopped answering before the run ended (its figures are those it last sent)
 * @param leftReason    why it was last seen failing, or null
 * @param run           its figures over the whole run (up to its last answer)
 */
public record NodeRecord(String node, long firstMillis, long lastMillis, boolean left, String leftReason,
                         Figures run) {
}
