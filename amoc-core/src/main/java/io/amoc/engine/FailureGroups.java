package io.amoc.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The failed users of one run on one node, grouped by cause ({@link FailureCause}). The log gets the first failure
 * of each group with its stack trace, then at most one line per group every {@value #REPORT_EVERY_MILLIS} ms with
 * what came since ({@code user_failures: +1,998 IllegalStateException ... at Chat.java:12, 2,000 in all}), so that
 * thousands of failures never flood a console.
 */
final class FailureGroups {

    static final long REPORT_EVERY_MILLIS = 10_000;
    /** More distinct causes than this go into one group: a cause that is really an id would otherwise grow forever. */
    static final int MAX_GROUPS = 500;
    static final String OTHER_CAUSES = "other causes (more than " + MAX_GROUPS + " distinct ones)";
    private static final Logger LOG = LoggerFactory.getLogger("io.amoc.failures");
    /** One daemon thread reports every run's groups of this JVM. */
    private static final ScheduledExecutorService REPORTS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "amoc-failure-report");
        thread.setDaemon(true);
        return thread;
    });

    private final String scenario;
    private final Set<String> scenarioClasses;
    private final LongSupplier clock;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private ScheduledFuture<?> reporting;

    FailureGroups(String scenario, Set<String> scenarioClasses, LongSupplier clock) {
        this.scenario = scenario;
        this.scenarioClasses = Set.copyOf(scenarioClasses);
        this.clock = clock;
    }

    /** Counts the failure of user {@code userId}; the first of its group is logged with its stack trace. */
    void failed(long userId, Throwable error) {
        String cause = FailureCause.of(error, scenarioClasses);
        long now = clock.getAsLong();
        boolean first;
        synchronized (this) {
            String key = groups.containsKey(cause) || groups.size() < MAX_GROUPS ? cause : OTHER_CAUSES;
            Group group = groups.get(key);
            first = group == null;
            if (first) {
                groups.put(key, new Group(key, now, error));
            } else {
                group.add(now);
            }
        }
        if (first) {
            LOG.warn("user {} of {} failed and is not restarted (first of its kind; more are counted, not logged: see"
                    + " failures): {}", userId, scenario, cause, error);
        }
    }

    /** Starts logging what came since every {@value #REPORT_EVERY_MILLIS} ms. */
    synchronized void startReporting() {
        if (reporting == null) {
            reporting = REPORTS.scheduleAtFixedRate(this::report, REPORT_EVERY_MILLIS, REPORT_EVERY_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the periodic lines after one last report of what is pending. */
    void stopReporting() {
        synchronized (this) {
            if (reporting != null) {
                reporting.cancel(false);
            }
        }
        report();
    }

    /** Logs one line for each group with failures since the last report. */
    void report() {
        for (String line : pendingLines()) {
            LOG.warn(line);
        }
    }

    private synchronized List<String> pendingLines() {
        return groups.values().stream().filter(g -> g.count > g.reported).map(Group::report).toList();
    }

    /** Every group, the largest first. */
    synchronized List<FailureGroup> groups() {
        return groups.values().stream().map(Group::view)
                .sorted(Comparator.comparingLong(FailureGroup::count).reversed()).toList();
    }

    private static final class Group {
        private final String cause;
        private final long first;
        private final String example;
        private final String stackTrace;
        private long last;
        private long count = 1;
        /** How many were logged or reported (the first one is logged whole). */
        private long reported = 1;

        Group(String cause, long first, Throwable error) {
            this.cause = cause;
            this.first = first;
            this.last = first;
            this.example = String.valueOf(error);
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            this.stackTrace = trace.toString();
        }

        void add(long now) {
            count++;
            last = now;
        }

        String report() {
            String line = String.format(Locale.ROOT, "user_failures: +%,d %s, %,d in all", count - reported, cause, count);
            reported = count;
            return line;
        }

        FailureGroup view() {
            return new FailureGroup(cause, count, first, last, example, stackTrace);
        }
    }
}
