package io.amoc.command;

import java.nio.file.Path;
import java.util.List;

/**
 * Write the report of the current (or last) run.
 *
 * @param directory  where to write it (created if missing; the report's files in it are replaced)
 * @param thresholds the thresholds of its verdict, as written ({@code p99(message_ttd) < 500ms}); none = the
 *                   default {@link LoadTestRequest#DEFAULT_THRESHOLDS}
 */
public record ReportRequest(Path directory, List<String> thresholds) {

    public ReportRequest {
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
    }

    /** The report in {@code directory}, held to the default thresholds. */
    public static ReportRequest of(Path directory) {
        return new ReportRequest(directory, List.of());
    }
}
