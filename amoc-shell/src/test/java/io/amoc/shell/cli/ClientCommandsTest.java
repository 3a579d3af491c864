package io.amoc.shell.cli;

import io.amoc.shell.TotalRunner;
import io.amoc.shell.attach.AccessRefusedException;
import io.amoc.shell.attach.DaemonClient;
import io.amoc.shell.attach.DaemonNotRunningException;
import io.amoc.shell.daemon.DaemonFiles;
import io.amoc.shell.daemon.MasterDaemon;
import io.amoc.shell.daemon.VarDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ping, eval and piped attach, run as bin/amoc would run them, against a daemon inside this JVM. */
class ClientCommandsTest {

    private static final long DEADLINE_SECONDS = 10;

    @TempDir
    Path var;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final TotalRunner totals = new TotalRunner();
    MasterDaemon daemon;
    CompletableFuture<Optional<String>> serving;

    @BeforeEach
    void pointVarHere() {
        System.setProperty(VarDir.PROPERTY, var.toString());
    }

    @AfterEach
    void stopDaemon() throws Exception {
        System.clearProperty(VarDir.PROPERTY);
        if (daemon != null) {
            daemon.requestStop();
            serving.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void pingWithoutADaemonSaysNotRunningAndExitsWithNotRunning() {
        assertEquals(ExitCode.NOT_RUNNING.status(), run(new PingCommand(environment(""))));
        assertTrue(out().startsWith("not running"), out());
    }

    @Test
    void pingAnAnsweringDaemonSaysPong() throws Exception {
        startDaemon();
        assertEquals(0, run(new PingCommand(environment(""))));
        assertEquals("pong\n", out());
    }

    @Test
    void evalPrintsEachResultAndStopsAtTheFirstFailure() throws Exception {
        startDaemon();
        int status = run(new EvalCommand(environment("")), "add(2)", "oops", "add(100)");
        assertEquals(ExitCode.COMMAND_FAILED.status(), status);
        assertEquals("adding 2\ntotal\n2\n", out(), "the command's progress, then its reply");
        assertTrue(err().startsWith("error: unknown command oops"), err());
        assertEquals(2, totals.total.get());
    }

    @Test
    void evalWithoutADaemonSaysHowToStartOne() {
        assertEquals(ExitCode.NOT_RUNNING.status(), run(new EvalCommand(environment("")), "add(1)"));
        assertTrue(err().contains("bin/amoc start"), err());
    }

    @Test
    void pipedAttachRunsLineByLineStopsAtTheFirstFailureAndLeavesTheDaemonRunning() throws Exception {
        startDaemon();
        int status = run(new AttachCommand(environment("add(1)\n\n# a comment\nadd(2)\nbad\nadd(100)\n")));
        assertEquals(ExitCode.COMMAND_FAILED.status(), status);
        assertEquals("adding 1\ntotal\n1\nadding 2\ntotal\n3\n", out(), "each command's progress, then its reply");
        assertTrue(err().startsWith("line 5: error: unknown command bad"), err());
        assertEquals(3, totals.total.get());
        try (DaemonClient client = DaemonClient.connect(DaemonFiles.master(var).attachPoint())) {
            assertEquals("pong", client.ping().text());
        }
    }

    @Test
    void exitInAPipedAttachDetachesWithoutRunningTheRest() throws Exception {
        startDaemon();
        assertEquals(0, run(new AttachCommand(environment("add(1)\nexit\nadd(100)\n"))));
        assertEquals(1, totals.total.get());
    }

    private void startDaemon() throws InterruptedException {
        daemon = new MasterDaemon(DaemonFiles.master(var));
        serving = CompletableFuture.supplyAsync(() -> {
            try {
                return daemon.run(() -> () -> totals);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        while (System.nanoTime() < deadline) {
            try (DaemonClient client = DaemonClient.connect(DaemonFiles.master(var).attachPoint())) {
                return;
            } catch (DaemonNotRunningException | AccessRefusedException notYet) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the daemon did not answer within " + DEADLINE_SECONDS + " s");
    }

    private ShellEnvironment environment(String stdin) {
        return new ShellEnvironment(var.getParent(), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
    }

    private static int run(Object command, String... args) {
        return new CommandLine(command).execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
