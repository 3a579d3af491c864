package io.amoc.shell.render;

import io.amoc.health.OverloadSpell;
import io.amoc.verdict.ThresholdResult;
import io.amoc.verdict.Verdict;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A run's verdict as text: each threshold with both values and whether it held, the overloaded spells of the
 * generators, and the verdict's line ({@code verdict: passed: ...}).
 */
public final class VerdictView {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private VerdictView() {
    }

    /**
     * @param overloaded       each node whose generator was overloaded during the run, with its spells
     * @param defaultThreshold true when no threshold was given, so the one shown is the default
     */
    public static String render(Verdict verdict, Map<String, List<OverloadSpell>> overloaded,
                                boolean defaultThreshold) {
        StringBuilder out = new StringBuilder();
        if (!verdict.thresholds().isEmpty()) {
            out.append("thresholds:");
            for (ThresholdResult threshold : verdict.thresholds()) {
                out.append("\n  ").append(threshold.description())
                        .append(defaultThreshold ? " (the default threshold: give your own to judge more)" : "");
            }
            out.append('\n');
        }
        overloaded.forEach((node, spells) -> out.append("generator overloaded on ").append(node).append(": ")
                .append(String.join("; ", spells.stream().map(VerdictView::spell).toList())).append('\n'));
        return out.append("verdict: ").append(verdict.reason()).toString();
    }

    private static String spell(OverloadSpell spell) {
        return CLOCK.format(Instant.ofEpochMilli(spell.startMillis())) + " to "
                + (spell.endMillis() < 0 ? "the end" : CLOCK.format(Instant.ofEpochMilli(spell.endMillis()))) + " ("
                + spell.reason() + ")";
    }
}
