package io.amoc.shell.render;

import io.amoc.command.Failures;
import io.amoc.engine.FailureGroup;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code failures}: the failed users grouped by cause, largest first: how many, first and last time, the cause; then
 * for each group one full example and the first one's stack trace (cut at {@value #TRACE_LINES} lines).
 */
public final class FailuresView {

    static final int TRACE_LINES = 12;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private FailuresView() {
    }

    public static String render(Failures failures) {
        List<String> out = new ArrayList<>();
        if (failures.groups().isEmpty()) {
            out.add("no user failed");
        } else {
            Table table = new Table("#", "users", "first", "last", "cause");
            int n = 0;
            for (FailureGroup group : failures.groups()) {
                table.row(++n, String.format(Locale.ROOT, "%,d", group.count()), time(group.firstMillis()),
                        time(group.lastMillis()), group.cause());
            }
            out.add(String.format(Locale.ROOT, "%,d users failed, %d %s:", failures.total(), failures.groups().size(),
                    failures.groups().size() == 1 ? "cause" : "causes"));
            out.add(table.render());
            n = 0;
            for (FailureGroup group : failures.groups()) {
                out.add("");
                out.add("#" + (++n) + " example: " + group.example());
                out.add(trace(group.stackTrace()));
            }
        }
        if (!failures.byNode().allOk()) {
            out.add("");
            failures.byNode().byNode().forEach((node, result) -> {
                if (result instanceof io.amoc.cluster.NodeResult.Failed<?> failed) {
                    out.add("not counted: " + node + " (" + failed.reason() + ")");
                }
            });
        }
        return String.join("\n", out);
    }

    private static String trace(String stackTrace) {
        List<String> lines = stackTrace.lines().toList();
        if (lines.size() <= TRACE_LINES) {
            return String.join("\n", lines);
        }
        return String.join("\n", lines.subList(0, TRACE_LINES)) + "\n\t... " + (lines.size() - TRACE_LINES) + " more lines";
    }

    private static String time(long millis) {
        return TIME.format(Instant.ofEpochMilli(millis));
    }
}
