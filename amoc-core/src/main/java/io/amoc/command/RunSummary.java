package io.amoc.command;

import io.amoc.metrics.MetricsSnapshot;

import java.time.Duration;

/**
 * What happened during a run, taken just before it stopped.
 *
 * @param run     the counters and histograms since the start (users as at the stop), one node's or the cluster's
 * @param elapsed how long the run lasted
 */
public record RunSummary(MetricsSnapshot run, Duration elapsed) {
}
