package io.amoc.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.amoc.health.OverloadSpell;
import io.amoc.verdict.ThresholdResult;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code summary.json}: every figure of a run's summary, in the schema documented in docs/metrics.md
 * ({@value #SCHEMA}). Times are in microseconds (keys ending {@code _us}), instants in ISO-8601 UTC.
 */
final class SummaryJson {

    static final String SCHEMA = "amoc-run-summary/1";
    private static final String MESSAGES = "messages_";

    private final ObjectMapper json;

    SummaryJson(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode of(RunReport report) {
        ObjectNode root = json.createObjectNode();
        root.put("schema", SCHEMA);
        RunManifest manifest = report.manifest();
        root.putObject("scenario").put("name", manifest.scenario()).put("sha256", manifest.sha256());
        root.put("start", instant(manifest.startMillis()));
        root.put("end", instant(manifest.endMillis()));
        root.put("duration_s", (manifest.endMillis() - manifest.startMillis()) / 1000.0);
        verdict(root.putObject("verdict"), report);
        figures(root.putObject("cluster"), report.run().cluster());
        root.set("messages", messages(report.run().cluster()));
        ArrayNode nodes = root.putArray("nodes");
        report.run().nodes().forEach(node -> node(nodes.addObject(), node));
        ArrayNode failures = root.putArray("failures");
        report.failures().forEach(f -> failures.addObject().put("cause", f.cause()).put("count", f.count())
                .put("first", instant(f.firstMillis())).put("last", instant(f.lastMillis()))
                .put("example", f.example()).put("stack_trace", f.stackTrace()));
        ObjectNode overloaded = root.putObject("generator_overloaded");
        report.overloaded().forEach((node, spells) -> spells(overloaded.putArray(node), spells));
        manifest(root.putObject("manifest"), manifest);
        return root;
    }

    private void verdict(ObjectNode verdict, RunReport report) {
        verdict.put("outcome", report.verdict().outcome().name().toLowerCase(Locale.ROOT));
        verdict.put("reason", report.verdict().reason());
        ArrayNode nodes = verdict.putArray("overloaded_nodes");
        report.verdict().overloaded().forEach(nodes::add);
        ArrayNode thresholds = verdict.putArray("thresholds");
        for (ThresholdResult result : report.verdict().thresholds()) {
            ObjectNode t = thresholds.addObject();
            t.put("threshold", result.threshold()).put("held", result.held());
            number(t, "actual", result.actual());
            number(t, "limit", result.limit());
            t.put("unit", result.time() ? "us" : "");
            t.put("description", result.description());
            t.put("problem", result.problem());
        }
    }

    private static void figures(ObjectNode target, Figures figures) {
        target.put("users", figures.users());
        ObjectNode counters = target.putObject("counters");
        figures.counters().keySet().stream().sorted().forEach(name -> counters.putObject(name)
                .put("count", figures.counters().get(name)).put("rate", figures.rates().getOrDefault(name, 0.0)));
        ObjectNode times = target.putObject("times");
        figures.times().keySet().stream().sorted().forEach(name -> time(times.putObject(name), figures.times().get(name)));
        ObjectNode gauges = target.putObject("gauges");
        figures.gauges().keySet().stream().sorted().forEach(name -> gauges.put(name, figures.gauges().get(name)));
    }

    private static void time(ObjectNode target, TimeFigures t) {
        target.put("count", t.count()).put("mean_us", t.mean()).put("min_us", t.min()).put("p50_us", t.p50())
                .put("p95_us", t.p95()).put("p99_us", t.p99()).put("max_us", t.max());
    }

    /** The message counters (messages_sent, messages_received, ...) by their short names, or null when none. */
    private ObjectNode messages(Figures cluster) {
        ObjectNode messages = json.createObjectNode();
        cluster.counters().keySet().stream().filter(n -> n.startsWith(MESSAGES)).sorted()
                .forEach(n -> messages.put(n.substring(MESSAGES.length()), cluster.counters().get(n)));
        return messages.isEmpty() ? null : messages;
    }

    private static void node(ObjectNode target, NodeRecord node) {
        target.put("node", node.node()).put("left", node.left()).put("left_reason", node.leftReason())
                .put("first_seen", instant(node.firstMillis())).put("last_seen", instant(node.lastMillis()));
        figures(target, node.run());
    }

    private static void spells(ArrayNode target, List<OverloadSpell> spells) {
        spells.forEach(s -> target.addObject().put("start", instant(s.startMillis()))
                .put("end", s.endMillis() < 0 ? null : instant(s.endMillis())).put("reason", s.reason()));
    }

    private static void manifest(ObjectNode target, RunManifest manifest) {
        target.put("amoc_version", manifest.amocVersion());
        ObjectNode config = target.putObject("config");
        manifest.config().keySet().stream().sorted().forEach(key -> {
            RunManifest.ConfigValue value = manifest.config().get(key);
            config.putObject(key).put("value", value.value()).put("source", value.source());
        });
        ArrayNode nodes = target.putArray("nodes");
        manifest.nodes().forEach(n -> nodes.addObject().put("node", n.node()).put("jdk", n.jdk())
                .put("amoc_version", n.amocVersion()));
    }

    private static void number(ObjectNode target, String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            target.putNull(field);
        } else {
            target.put(field, value);
        }
    }

    static String instant(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
