package io.amoc.engine;

import io.amoc.metrics.NodeMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static io.amoc.engine.Fixtures.await;
import static io.amoc.engine.Fixtures.bundle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailureGroupsTest {

    private final NodeController node = new NodeController("local");
    private final AtomicLong clock = new AtomicLong(1_000);

    @BeforeEach
    void freshConfig() {
        Fixtures.freshConfigForQuickUsers();
    }

    @AfterEach
    void stopTheNode() {
        node.stop();
    }

    @Test
    void twoThousandUsersFailingWithOneCauseAreOneGroupAndAFewLogLines() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            node.start(bundle("AlwaysFails"), Map.of());
            node.addUsers(IdRange.of(1, 2_000));
            await("2,000 failures", () -> node.status().failures() == 2_000);
            node.stop();
        } finally {
            System.setErr(original);
        }

        List<FailureGroup> groups = node.failures();
        assertEquals(1, groups.size(), groups.toString());
        FailureGroup group = groups.get(0);
        assertEquals(2_000, group.count());
        assertEquals("IllegalStateException: user <n> gives up after <n> tries at AlwaysFails.java:12", group.cause());
        assertTrue(group.example().startsWith("java.lang.IllegalStateException: user "), group.example());
        assertTrue(group.stackTrace().contains("AlwaysFails.giveUp"), group.stackTrace());
        String log = captured.toString(StandardCharsets.UTF_8);
        long lines = log.lines().count();
        assertTrue(lines < 30, lines + " lines:\n" + log);
        assertTrue(log.contains("user_failures: +1,999 IllegalStateException: user <n> gives up after <n> tries at"
                + " AlwaysFails.java:12, 2,000 in all"), log);
    }

    @Test
    void theCauseIsTheFirstFrameOfTheScenariosOwnCodeEvenInACause() {
        Exception inLibrary = new IllegalArgumentException("bad id 0x7f3a9c1e2b4d");
        inLibrary.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("org.jivesoftware.smack.Lib", "call", "Lib.java", 7)});
        RuntimeException wrapped = new RuntimeException("while sending", inLibrary);
        wrapped.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("io.amoc.engine.User", "run", "User.java", 3)});
        inLibrary.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("org.jivesoftware.smack.Lib", "call", "Lib.java", 7),
                new StackTraceElement("Chat", "start", "Chat.java", 42)});

        assertEquals("RuntimeException: while sending at Chat.java:42", FailureCause.of(wrapped, Set.of("Chat")));
        assertEquals("IllegalArgumentException: bad id <hex> at Chat.java:42", FailureCause.of(inLibrary, Set.of("Chat")));
    }

    @Test
    void masksNumbersUuidsAndLongHexIdsButKeepsWords() {
        assertEquals("user_<n>@localhost: no answer from <n>.<n>.<n>.<n>:<n> within <n> ms",
                FailureCause.masked("user_17@localhost: no answer from 127.0.0.1:5222 within 30000 ms"));
        assertEquals("stanza <uuid> and <hex> but deadbeef stays a word?", FailureCause.masked(
                "stanza 123e4567-e89b-12d3-a456-426614174000 and 9f86d081884c7d65 but deadbeef stays a word?"));
        assertEquals("first line only", FailureCause.masked("first line only\nsecond line"));
    }

    @Test
    void groupsMergeAcrossNodesKeepingTheEarliestExample() {
        FailureGroup early = new FailureGroup("C", 3, 100, 500, "early", "trace-early");
        FailureGroup late = new FailureGroup("C", 4, 200, 900, "late", "trace-late");

        FailureGroup merged = late.merge(early);

        assertEquals(new FailureGroup("C", 7, 100, 900, "early", "trace-early"), merged);
    }

    @Test
    void distinctCausesBeyondTheLimitShareOneGroup() {
        FailureGroups groups = new FailureGroups("S", Set.of(), clock::get);
        for (int i = 0; i < FailureGroups.MAX_GROUPS + 10; i++) {
            groups.failed(i, new IllegalStateException("cause " + word(i)));
        }

        List<FailureGroup> all = groups.groups();
        assertEquals(FailureGroups.MAX_GROUPS + 1, all.size());
        assertEquals(10, all.stream().filter(g -> g.cause().equals(FailureGroups.OTHER_CAUSES)).findFirst().orElseThrow().count());
    }

    @Test
    void theReportLineSaysWhatCameSinceTheLastOne() {
        NodeMetrics.install(new NodeMetrics());
        FailureGroups groups = new FailureGroups("S", Set.of(), clock::get);
        for (int i = 0; i < 5; i++) {
            groups.failed(i, same());
        }
        groups.report();
        groups.failed(9, same());

        assertEquals(6, groups.groups().get(0).count());
    }

    private static IllegalStateException same() {
        return new IllegalStateException("same");
    }

    /** A word of letters only for {@code n} (digits would be masked): 0 -> a, 25 -> z, 26 -> ba ... */
    private static String word(int n) {
        StringBuilder word = new StringBuilder();
        do {
            word.insert(0, (char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return word.toString();
    }
}
