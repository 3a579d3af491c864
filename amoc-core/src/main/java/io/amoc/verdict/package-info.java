/**
 * Pass/fail conditions over a finished run's merged metrics ({@link io.amoc.verdict.Threshold}, e.g.
 * {@code p99(message_ttd) < 500ms}) and the run's {@link io.amoc.verdict.Verdict}: passed, failed, inconclusive
 * (a load generator was overloaded, so slow figures may be the generator's) or error.
 */
package io.amoc.verdict;
