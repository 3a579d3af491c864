package io.amoc.rmi;

import io.amoc.compile.ScenarioBundle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Puts values in the few JDK types a slave's serial filter accepts (HashMap, ArrayList, String, boxed numbers). */
final class Wire {

    private Wire() {
    }

    static ScenarioBundle bundle(ScenarioBundle bundle) {
        return new ScenarioBundle(bundle.scenarioName(), bundle.className(), new HashMap<>(bundle.classBytes()),
                bundle.sha256(), new HashMap<>(bundle.libraries()));
    }

    /** A node's metrics in the map types the master's allowlist reads, whatever maps the registry gave. */
    static io.amoc.metrics.MetricsSnapshot snapshot(io.amoc.metrics.MetricsSnapshot s) {
        return new io.amoc.metrics.MetricsSnapshot(s.node(), s.takenAtMillis(), s.users(),
                new java.util.TreeMap<>(s.counters()), new java.util.TreeMap<>(s.gauges()),
                new java.util.TreeMap<>(s.histograms()), new java.util.TreeMap<>(s.lastMinute()));
    }

    static HashMap<String, Object> settings(Map<String, Object> settings) {
        HashMap<String, Object> wire = new HashMap<>();
        settings.forEach((key, value) -> wire.put(key, value(value)));
        return wire;
    }

    /** A config value as the slave can read it: lists stay lists, plain values stay, anything else becomes text. */
    static Object value(Object value) {
        if (value instanceof List<?> list) {
            ArrayList<Object> items = new ArrayList<>();
            list.forEach(item -> items.add(value(item)));
            return items;
        }
        if (value instanceof String || value instanceof Long || value instanceof Integer || value instanceof Double
                || value instanceof Boolean) {
            return value;
        }
        return String.valueOf(value);
    }
}
