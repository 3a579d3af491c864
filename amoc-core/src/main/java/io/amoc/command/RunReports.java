package io.amoc.command;

import io.amoc.engine.FailureGroup;
import io.amoc.engine.NodeRunInfo;
import io.amoc.report.FailureRow;
import io.amoc.report.NodeRecord;
import io.amoc.report.RunManifest;
import io.amoc.report.RunReport;
import io.amoc.verdict.RunFigures;
import io.amoc.verdict.Threshold;
import io.amoc.verdict.ThresholdResult;
import io.amoc.verdict.ThresholdSyntaxException;
import io.amoc.verdict.Verdict;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A run's thresholds, verdict and report, from its {@link RunRecord}. */
final class RunReports {

    private static final String UNKNOWN = "unknown (the node did not answer)";

    private RunReports() {
    }

    /**
     * The directory a report goes to, as a full path (a daemon resolves a relative one against its own directory, not
     * its client's, and the reply names where it went); an empty one is refused rather than taken for the working one.
     */
    static Path directory(String operation, Path given) throws BadRequestException {
        if (given.toString().isBlank()) {
            throw BadRequestException.of(operation, "dir",
                    "the report's directory is empty: name one, e.g. \"reports/baseline\"");
        }
        return given.toAbsolutePath().normalize();
    }

    /**
     * The thresholds read, or {@link LoadTestRequest#DEFAULT_THRESHOLDS} when none is given; a mistake is a one-line
     * refusal.
     */
    static List<Threshold> thresholds(String operation, List<String> texts) throws BadRequestException {
        List<Threshold> thresholds = new ArrayList<>();
        for (String text : texts.isEmpty() ? LoadTestRequest.DEFAULT_THRESHOLDS : texts) {
            try {
                thresholds.add(Threshold.parse(text));
            } catch (ThresholdSyntaxException e) {
                throw BadRequestException.of(operation, "thresholds", e.getMessage()
                        + " (e.g. p99(message_ttd) < 500ms, count(user_failures) == 0; see docs/metrics.md)");
            }
        }
        return thresholds;
    }

    /** Every threshold evaluated over the run; inconclusive when a node's generator was overloaded during it. */
    static Verdict verdict(RunRecord record, List<Threshold> thresholds) {
        RunFigures figures = new RunFigures(record.run().merged(), Duration.ofMillis(record.run().millis()));
        List<ThresholdResult> results = thresholds.stream().map(t -> t.evaluate(figures)).toList();
        return Verdict.of(results, List.copyOf(record.overloaded().keySet()));
    }

    /** Everything the report shows of the run, with {@code verdict}. */
    static RunReport report(RunRecord record, Verdict verdict) {
        return new RunReport(manifest(record), verdict, record.run(), failures(record.failures()),
                record.overloaded());
    }

    private static RunManifest manifest(RunRecord record) {
        List<RunManifest.NodeManifest> nodes = new ArrayList<>();
        for (NodeRecord node : record.run().nodes()) {
            NodeRunInfo info = record.nodes().values().get(node.node());
            nodes.add(new RunManifest.NodeManifest(node.node(), info == null ? UNKNOWN : info.jdk(),
                    info == null ? UNKNOWN : info.amocVersion()));
        }
        return new RunManifest(record.scenario(), record.sha256(), record.run().startMillis(), record.run().endMillis(),
                record.config(), nodes, NodeRunInfo.thisAmocVersion());
    }

    private static List<FailureRow> failures(Failures failures) {
        List<FailureRow> rows = new ArrayList<>();
        for (FailureGroup g : failures.groups()) {
            rows.add(new FailureRow(g.cause(), g.count(), g.firstMillis(), g.lastMillis(), g.example(),
                    g.stackTrace()));
        }
        return rows;
    }
}
