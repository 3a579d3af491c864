package io.amoc.shell.attach;

import io.amoc.shell.Fixtures;
import io.amoc.shell.TotalRunner;
import io.amoc.shell.daemon.DaemonFiles;
import io.amoc.shell.language.CommandRunner;
import io.amoc.shell.language.Reply;
import io.amoc.shell.language.Suggestion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DaemonServerTest {

    /** A shell of one command, {@code add(N)}, over one shared total: enough to see shared state. */
    @TempDir
    Path var;
    DaemonFiles files;
    TotalRunner runner = new TotalRunner();
    CountDownLatch stopAsked = new CountDownLatch(1);
    DaemonServer server;

    @BeforeEach
    void startServer() throws IOException {
        files = DaemonFiles.master(var);
        AccessToken token = AccessToken.createIn(files.tokenFile());
        server = DaemonServer.start(files.socketFile(), token, runner, (line, cursor) -> List.of(
                new Suggestion("add(", "add", "add N to the total", false),
                new Suggestion(line.substring(0, cursor) + "|" + cursor, "echo", "", true)), stopAsked::countDown);
    }

    @AfterEach
    void closeServer() throws IOException {
        server.close();
    }

    @Test
    void theSocketAndTheTokenFileAreReadableByTheOwnerOnly() throws IOException {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.socketFile())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.tokenFile())));
    }

    @Test
    void aClientWithTheRightTokenRunsCommandsAndGetsMultiLineRepliesWhole() throws Exception {
        try (DaemonClient client = DaemonClient.connect(files.attachPoint())) {
            assertEquals(new Reply(true, "total\n3"), client.run("add(3)"));
            assertEquals(new Reply(true, "total\n5"), client.run("add(2)"));
            Reply bad = client.run("remove(1)");
            assertFalse(bad.ok());
            assertTrue(bad.text().startsWith("error: unknown command remove(1)"), bad.text());
            assertEquals(new Reply(true, "pong"), client.ping());
            assertEquals(List.of(new Suggestion("add(", "add", "add N to the total", false),
                    new Suggestion("ad|2", "echo", "", true)), client.suggest("add(1)", 2));
        }
    }

    @Test
    void whatACommandTellsWhileItRunsReachesTheClientBeforeItsReply() throws Exception {
        try (DaemonClient client = DaemonClient.connect(files.attachPoint())) {
            List<String> told = new java.util.ArrayList<>();
            assertEquals(new Reply(true, "total\n3"), client.run("add(3)", told::add));
            assertEquals(List.of("adding 3"), told);
            assertEquals(new Reply(true, "total\n5"), client.run("add(2)"), "a caller that hears none gets the reply");
        }
    }

    @Test
    void aWrongTokenIsRefusedAndRunsNothing() throws Exception {
        AccessRefusedException e = assertThrows(AccessRefusedException.class,
                () -> DaemonClient.connect(files.attachPoint(), AccessToken.of("0".repeat(64))));
        assertEquals(ClientPolicy.WRONG_TOKEN, e.getMessage());
        try (DaemonClient client = DaemonClient.connect(files.attachPoint())) {
            assertEquals(new Reply(true, "total\n0"), client.run("add(0)"));
        }
    }

    @Test
    void twoClientsAtOnceSeeTheSameState() throws Exception {
        try (DaemonClient first = DaemonClient.connect(files.attachPoint()); DaemonClient second = DaemonClient.connect(files.attachPoint())) {
            assertEquals("total\n10", first.run("add(10)").text());
            assertEquals("total\n15", second.run("add(5)").text());
            assertEquals("total\n16", first.run("add(1)").text());
        }
    }

    @Test
    void aClientThatLeavesDoesNotDisturbTheOthers() throws Exception {
        try (DaemonClient staying = DaemonClient.connect(files.attachPoint())) {
            try (DaemonClient leaving = DaemonClient.connect(files.attachPoint())) {
                leaving.run("add(7)");
            }
            assertEquals("total\n8", staying.run("add(1)").text());
        }
    }

    @Test
    void aSecondClientIsAnsweredWhileTheFirstOnesCommandStillRunsAndCancellingItEndsOnlyThatCommand()
            throws Exception {
        try (DaemonClient first = DaemonClient.connect(files.attachPoint());
             DaemonClient second = DaemonClient.connect(files.attachPoint())) {
            CompletableFuture<Reply> waiting = CompletableFuture.supplyAsync(() -> first.run("wait"));
            Fixtures.waitUntil("the first client's command to run", () -> runner.waiting.get() == 1);

            assertEquals(new Reply(true, "total\n4"), second.run("add(4)"));
            assertFalse(waiting.isDone(), "the first client's command still runs");

            first.cancel();
            assertEquals(Reply.error("error: cancelled"), waiting.get(10, TimeUnit.SECONDS));
            assertEquals(new Reply(true, "total\n5"), first.run("add(1)"), "the client goes on after its cancel");
            assertEquals(new Reply(true, "total\n6"), second.run("add(1)"));
            assertEquals(1, runner.cancelled.get());
        }
    }

    @Test
    void aClientThatGoesAwayCancelsItsRunningCommand() throws Exception {
        DaemonClient leaving = DaemonClient.connect(files.attachPoint());
        CompletableFuture.runAsync(() -> leaving.run("wait"));
        Fixtures.waitUntil("the command to run", () -> runner.waiting.get() == 1);

        leaving.close();

        Fixtures.waitUntil("the command to be cancelled", () -> runner.cancelled.get() == 1);
        try (DaemonClient staying = DaemonClient.connect(files.attachPoint())) {
            assertEquals(new Reply(true, "pong"), staying.ping());
        }
    }

    @Test
    void aCancelBetweenCommandsChangesNothing() throws Exception {
        try (DaemonClient client = DaemonClient.connect(files.attachPoint())) {
            client.cancel();
            assertEquals(new Reply(true, "total\n2"), client.run("add(2)"));
            assertEquals(0, runner.cancelled.get());
        }
    }

    @Test
    void stopIsAnsweredAndThenHandedToTheDaemon() throws Exception {
        try (DaemonClient client = DaemonClient.connect(files.attachPoint())) {
            assertEquals(new Reply(true, "stopping"), client.stop());
        }
        assertTrue(stopAsked.await(5, TimeUnit.SECONDS));
    }

    @Test
    void aClientWhoseDaemonWentAwayFailsEachCommandAndKnowsItIsLost() throws Exception {
        try (DaemonClient client = DaemonClient.connect(files.attachPoint())) {
            assertFalse(client.lost());
            server.close();
            Reply reply = client.run("add(1)");
            assertFalse(reply.ok());
            assertTrue(reply.text().startsWith("error: lost the connection to the daemon"), reply.text());
            assertTrue(client.lost());
        }
    }

    @Test
    void withoutASocketTheClientSaysTheDaemonIsNotRunning() throws Exception {
        server.close();
        DaemonNotRunningException e = assertThrows(DaemonNotRunningException.class, () -> DaemonClient.connect(files.attachPoint()));
        assertTrue(e.getMessage().contains("bin/amoc start"), e.getMessage());
    }
}
