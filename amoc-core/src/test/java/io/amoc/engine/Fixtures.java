package io.amoc.engine;

import io.amoc.compile.ScenarioBundle;
import io.amoc.compile.ScenarioCatalog;
import io.amoc.config.Config;
import io.amoc.metrics.NodeMetrics;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The fixture scenarios (test resources, compiled by the real catalog) and waiting for conditions. */
public final class Fixtures {

    public static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final long POLL_MS = 2;
    private static ScenarioCatalog catalog;

    private Fixtures() {
    }

    /** A test resource directory as a path. */
    public static Path resourceDir(String name) {
        try {
            return Path.of(Fixtures.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static synchronized ScenarioCatalog catalog() {
        if (catalog == null) {
            catalog = new ScenarioCatalog(List.of(resourceDir("scenarios")));
        }
        return catalog;
    }

    public static ScenarioBundle bundle(String name) {
        try {
            return catalog().bundle(name);
        } catch (Exception e) {
            throw new AssertionError("fixture " + name + " does not compile: " + e.getMessage(), e);
        }
    }

    /** A fresh config (no environment, no file) and fresh metrics, for one test. */
    public static void freshConfigAndMetrics() {
        Config.install(new Config(Map.of(), Map.of()));
        NodeMetrics.install(new NodeMetrics());
    }

    /** A fresh config and registry where users start at once and repeat without waiting. */
    public static void freshConfigForQuickUsers() {
        freshConfigAndMetrics();
        Config.global().set("interarrival", 0L);
        Config.global().set("repeat_interval", 0L);
    }

    public static long counter(String name) {
        return NodeMetrics.current().snapshot("test").counters().getOrDefault(name, 0L);
    }

    /** Polls {@code condition} until it holds, failing with {@code what} after {@link #PATIENCE}. */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + PATIENCE.toSeconds() + " s waiting for: " + what);
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }
}
