package io.amoc.shell.daemon;

import io.amoc.shell.TotalRunner;
import io.amoc.shell.attach.AccessRefusedException;
import io.amoc.shell.attach.DaemonClient;
import io.amoc.shell.attach.DaemonNotRunningException;
import io.amoc.shell.language.CommandRunner;
import io.amoc.shell.language.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MasterDaemonTest {

    private static final long DEADLINE_SECONDS = 10;

    @TempDir
    Path var;

    @Test
    void theDaemonServesUntilAClientStopsItThenEndsTheRunAndRemovesItsFiles() throws Exception {
        DaemonFiles files = DaemonFiles.master(var);
        TotalRunner totals = new TotalRunner();
        CountDownLatch closed = new CountDownLatch(1);
        CompletableFuture<Optional<String>> serving = CompletableFuture.supplyAsync(() -> serve(new MasterDaemon(files),
                new DaemonShell() {
                    @Override
                    public CommandRunner runner() {
                        return totals;
                    }

                    @Override
                    public void close() {
                        closed.countDown();
                    }
                }));
        awaitAnswer(files);
        assertEquals(ProcessHandle.current().pid(), PidFile.read(files.pidFile()).orElseThrow());
        try (DaemonClient client = DaemonClient.connect(files.attachPoint())) {
            assertEquals("total\n4", client.run("add(4)").text());
            assertEquals(new Reply(true, "stopping"), client.stop());
        }
        assertEquals(Optional.empty(), serving.get(DEADLINE_SECONDS, TimeUnit.SECONDS));
        assertEquals(0, closed.getCount(), "the shell (and its run) was not closed");
        assertFalse(Files.exists(files.socketFile()));
        assertFalse(Files.exists(files.tokenFile()));
        assertFalse(Files.exists(files.pidFile()));
    }

    @Test
    void aSecondDaemonOnTheSameVarDirectoryIsRefused() throws Exception {
        DaemonFiles files = DaemonFiles.master(var);
        MasterDaemon first = new MasterDaemon(files);
        CompletableFuture<Optional<String>> serving = CompletableFuture.supplyAsync(() -> serve(first,
                TotalRunner::new));
        awaitAnswer(files);
        Optional<String> refusal = new MasterDaemon(files).run(() -> TotalRunner::new);
        assertTrue(refusal.orElseThrow().contains("already running"), refusal.toString());
        try (DaemonClient client = DaemonClient.connect(files.attachPoint())) {
            assertEquals("pong", client.ping().text());
        }
        first.requestStop();
        assertEquals(Optional.empty(), serving.get(DEADLINE_SECONDS, TimeUnit.SECONDS));
    }

    private static Optional<String> serve(MasterDaemon daemon, DaemonShell shell) {
        try {
            return daemon.run(() -> shell);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitAnswer(DaemonFiles files) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        while (System.nanoTime() < deadline) {
            try (DaemonClient client = DaemonClient.connect(files.attachPoint())) {
                if (client.ping().ok()) {
                    return;
                }
            } catch (DaemonNotRunningException | AccessRefusedException notYet) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the daemon did not answer within " + DEADLINE_SECONDS + " s");
    }
}
