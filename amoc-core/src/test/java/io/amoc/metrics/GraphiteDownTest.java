package io.amoc.metrics;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphiteDownTest {

    private static final Duration INTERVAL = Duration.ofMillis(100);
    private static final int FAILED_REPORTS = 5;
    private static final int RECORDED = 100_000;

    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final RateLimitedWarnings limited =
            new RateLimitedWarnings(GraphiteReporter.WARNING_PERIOD, clock::get, warnings::add);

    @Test
    void withNothingListeningRecordingGoesOnAndOnlyOneWarningAMinuteIsLogged() throws Exception {
        int closedPort = freePort();
        NodeMetrics metrics = new NodeMetrics();
        try (GraphiteReporter reporter = GraphiteReporter.start(metrics,
                new GraphiteTarget("127.0.0.1", closedPort, "down", INTERVAL), limited)) {
            recordWhile(metrics, () -> reporter.failures() < FAILED_REPORTS);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("127.0.0.1:" + closedPort), warnings.get(0));

            clock.addAndGet(GraphiteReporter.WARNING_PERIOD.toMillis());
            long failuresSoFar = reporter.failures();
            await(() -> reporter.failures() > failuresSoFar + 1);
            assertEquals(2, warnings.size(), "one more warning after a minute");
            assertTrue(warnings.get(1).contains("similar warnings held back"), warnings.get(1));
        }
        assertEquals(RECORDED, metrics.snapshot("n").counters().get("events"));
    }

    @Test
    void reportingResumesByItselfWhenGraphiteComesUp() throws Exception {
        int port = freePort();
        NodeMetrics metrics = new NodeMetrics();
        metrics.users(9);
        try (GraphiteReporter reporter = GraphiteReporter.start(metrics,
                new GraphiteTarget("127.0.0.1", port, "back", INTERVAL), limited)) {
            await(() -> reporter.failures() >= 2);
            try (ServerSocket graphite = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                graphite.setSoTimeout(10_000);
                try (java.net.Socket report = graphite.accept();
                     java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                             report.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
                    assertTrue(lines.readLine().startsWith("back.amoc.users.size 9 "));
                }
            }
        }
        assertEquals(1, warnings.size(), warnings.toString());
    }

    @Test
    void aGraphiteThatAcceptsButNeverReadsCostsAReportAtMostItsTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            PlaintextSender sender = new PlaintextSender("127.0.0.1", silent.getLocalPort(), Duration.ofMillis(300));
            List<String> lines = Collections.nCopies(400_000, "x.amoc.counters.filler.count 1 1700000000");
            assertThrows(SocketTimeoutException.class, () -> sender.send(lines),
                    "tens of megabytes cannot sit in socket buffers: the write must time out");
            sender.close();
        }
    }

    @Test
    void withAGraphiteThatNeverReadsTheReporterKeepsReportingAndRecordingIsUnaffected() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            NodeMetrics metrics = new NodeMetrics();
            for (int i = 0; i < 2_000; i++) {
                metrics.count("filler_counter_number_" + i, 1);
            }
            try (GraphiteReporter reporter = GraphiteReporter.start(metrics,
                    new GraphiteTarget("127.0.0.1", silent.getLocalPort(), "silent", INTERVAL), limited)) {
                recordWhile(metrics, () -> reporter.failures() < 1);
                long reportsSoFar = reporter.reports();
                await(() -> reporter.reports() > reportsSoFar + 2);
            }
            assertTrue(warnings.size() <= 1, warnings.toString());
            assertEquals(RECORDED, metrics.snapshot("n").counters().get("events"));
        }
    }

    private static void recordWhile(NodeMetrics metrics, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long recorded = 0;
        while (condition.getAsBoolean() || recorded < RECORDED) {
            if (recorded < RECORDED) {
                metrics.count("events", 1);
                metrics.time("latency", recorded);
                recorded++;
            } else {
                Thread.sleep(10);
            }
            assertTrue(System.nanoTime() < deadline, "the reporter did not report in time");
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 30 s");
            Thread.sleep(10);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
