package io.amoc.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.amoc.metrics.NodeMetrics;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The run's figures over time as the report's charts read them: one array of sample times (epoch s) and, aligned
 * with it, users per node and in all, each counter's rate, each time's p50/p95/p99/max (ms, merged over the
 * nodes), and each node's generator health. A node that did not answer in an interval has null there.
 */
final class TimelineJson {

    private static final double MICROS_PER_MILLI = 1_000.0;
    private static final double MILLIS_PER_SECOND = 1_000.0;
    private static final String CPU = NodeMetrics.GENERATOR_GAUGES + io.amoc.health.GeneratorHealth.CPU_PERCENT;
    private static final String LAG = NodeMetrics.GENERATOR_GAUGES + io.amoc.health.GeneratorHealth.LAG_P99_MICROS;

    private final ObjectMapper json;

    TimelineJson(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode of(RecordedRun run) {
        List<Interval> timeline = run.timeline();
        ObjectNode root = json.createObjectNode();
        ArrayNode t = root.putArray("t");
        timeline.forEach(i -> t.add(i.endMillis() / MILLIS_PER_SECOND));
        Set<String> nodes = new LinkedHashSet<>();
        run.nodes().forEach(n -> nodes.add(n.node()));
        ObjectNode users = root.putObject("users");
        series(users.putArray("all"), timeline, i -> i.cluster().users());
        for (String node : nodes) {
            nodeSeries(users.putArray(node), timeline, node, f -> f.users());
        }
        ObjectNode rates = root.putObject("rates");
        run.cluster().counters().keySet().stream().sorted().forEach(name ->
                series(rates.putArray(name), timeline, i -> i.cluster().rates().getOrDefault(name, 0.0)));
        ObjectNode times = root.putObject("times");
        run.cluster().times().keySet().stream().sorted().forEach(name -> times(times.putObject(name), timeline, name));
        ObjectNode generator = root.putObject("generator");
        for (String node : nodes) {
            if (timeline.stream().anyMatch(i -> i.byNode().containsKey(node) && i.byNode().get(node).gauges().containsKey(CPU))) {
                ObjectNode health = generator.putObject(node);
                nodeSeries(health.putArray("cpu_percent"), timeline, node, f -> f.gauges().getOrDefault(CPU, 0L));
                nodeSeries(health.putArray("lag_p99_ms"), timeline, node,
                        f -> f.gauges().getOrDefault(LAG, 0L) / MICROS_PER_MILLI);
            }
        }
        return root;
    }

    private static void times(ObjectNode target, List<Interval> timeline, String name) {
        series(target.putArray("p50"), timeline, i -> ms(i, name, TimeFigures::p50));
        series(target.putArray("p95"), timeline, i -> ms(i, name, TimeFigures::p95));
        series(target.putArray("p99"), timeline, i -> ms(i, name, TimeFigures::p99));
        series(target.putArray("max"), timeline, i -> ms(i, name, TimeFigures::max));
    }

    /** The statistic in ms, or NaN (null in the chart: a gap) when the interval recorded no value of the time. */
    private static double ms(Interval interval, String name, ToDoubleFunction<TimeFigures> statistic) {
        TimeFigures figures = interval.cluster().times().get(name);
        return figures == null || figures.count() == 0 ? Double.NaN : statistic.applyAsDouble(figures) / MICROS_PER_MILLI;
    }

    private static void series(ArrayNode target, List<Interval> timeline, ToDoubleFunction<Interval> value) {
        timeline.forEach(i -> add(target, value.applyAsDouble(i)));
    }

    private static void nodeSeries(ArrayNode target, List<Interval> timeline, String node, ToDoubleFunction<Figures> value) {
        timeline.forEach(i -> {
            Figures figures = i.byNode().get(node);
            add(target, figures == null ? Double.NaN : value.applyAsDouble(figures));
        });
    }

    private static void add(ArrayNode target, double value) {
        if (Double.isNaN(value)) {
            target.addNull();
        } else {
            target.add(value);
        }
    }
}
