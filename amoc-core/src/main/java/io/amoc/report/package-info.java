/**
 * What a run leaves behind: its figures over time, recorded on the master while it runs ({@link
 * io.amoc.report.RunRecorder}), and the report written at its end ({@link io.amoc.report.ReportWriter}):
 * {@code index.html} (self-contained, with uPlot charts), {@code summary.json}, {@code junit.xml} and
 * {@code timeseries.csv}.
 */
package io.amoc.report;
