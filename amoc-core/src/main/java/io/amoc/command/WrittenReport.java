package io.amoc.command;

import io.amoc.verdict.Verdict;

import java.nio.file.Path;
import java.util.List;

/**
 * A report written.
 *
 * @param files   its files ({@code summary.json}, {@code timeseries.csv}, {@code junit.xml}, {@code index.html})
 * @param verdict the verdict it shows
 * @param ended   false when the run still runs: the report shows it so far
 */
public record WrittenReport(List<Path> files, Verdict verdict, boolean ended) {

    public WrittenReport {
        files = List.copyOf(files);
    }
}
