package io.amoc.shell.daemon;

import io.amoc.shell.attach.DetachingRunner;
import io.amoc.shell.cli.DaemonMain;
import io.amoc.shell.language.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmallPartsTest {

    @TempDir
    Path dir;

    @Test
    void theLauncherStartsTheDaemonEntryPoint() {
        assertEquals(DaemonMain.class.getName(), DaemonLauncher.ENTRY_POINT);
    }

    @Test
    void exitDetachesTheClientWithoutReachingTheDaemon() {
        List<String> reached = new ArrayList<>();
        DetachingRunner runner = new DetachingRunner(line -> {
            reached.add(line);
            return Reply.ok("ran " + line);
        });
        assertEquals("ran local.add(1)", runner.run("local.add(1)").text());
        assertFalse(runner.detached());
        assertEquals(Reply.ok(""), runner.run("  exit() "));
        assertTrue(runner.detached());
        assertEquals(List.of("local.add(1)"), reached);
    }

    @Test
    void wordsThatOnlyStartWithExitStillReachTheDaemon() {
        DetachingRunner runner = new DetachingRunner(line -> Reply.ok("ran"));
        assertEquals("ran", runner.run("exits()").text());
        assertFalse(runner.detached());
    }

    @Test
    void aPidFileNamesALiveJavaProcessUntilItsOwnerRemovesIt() throws Exception {
        Path file = dir.resolve("x.pid");
        long pid = ProcessHandle.current().pid();
        PidFile.write(file, pid);
        assertEquals(Optional.of(pid), PidFile.read(file));
        PidFile.deleteIfOwnedBy(file, pid + 1);
        assertTrue(Files.exists(file), "another pid removed the file");
        PidFile.deleteIfOwnedBy(file, pid);
        assertFalse(Files.exists(file));
    }

    @Test
    void aPidFileNamingThisVeryProcessIsStaleAsAfterAContainerRestart() throws Exception {
        Path file = dir.resolve("self.pid");
        PidFile.write(file, ProcessHandle.current().pid());
        assertEquals(Optional.empty(), PidFile.liveProcess(file));
    }

    @Test
    void aPidFileOfAnotherLiveJavaProcessNamesIt() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path sleeper = dir.resolve("Sleeper.java");
        Files.writeString(sleeper, "class Sleeper { public static void main(String[] a) throws Exception { Thread.sleep(600_000); } }");
        Process other = new ProcessBuilder(java.toString(), sleeper.toString()).redirectErrorStream(true).start();
        Path file = dir.resolve("other.pid");
        try {
            PidFile.write(file, other.pid());
            assertEquals(Optional.of(other.pid()), PidFile.liveProcess(file).map(ProcessHandle::pid));
        } finally {
            other.destroyForcibly();
            other.waitFor();
        }
        assertEquals(Optional.empty(), PidFile.liveProcess(file));
    }

    @Test
    void aPidFileOfAProcessThatEndedNamesNoLiveProcess() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path file = dir.resolve("stale.pid");
        PidFile.write(file, ended.pid());
        assertEquals(Optional.empty(), PidFile.liveProcess(file));
        Files.writeString(file, "garbage");
        assertEquals(Optional.empty(), PidFile.liveProcess(file));
    }

    @Test
    void theSlavePortComesFromTheOptionInEitherSpellingElseTheConfigurationElseTheDefault() throws Exception {
        Path config = dir.resolve("amoc.properties");
        Files.writeString(config, "slave_port = 2345\n");
        assertEquals(3456, new SlaveArguments(List.of("--bind", "10.0.0.1", "--port", "3456")).port(config));
        assertEquals(4567, new SlaveArguments(List.of("--port=4567")).port(config));
        assertEquals(2345, new SlaveArguments(List.of("--bind", "10.0.0.1")).port(config));
        Path other = dir.resolve("other.properties");
        Files.writeString(other, "slave_port = 5678\n");
        assertEquals(5678, new SlaveArguments(List.of("--config", other.toString())).port(config));
        assertEquals(io.amoc.config.ConfigKeys.SLAVE_PORT.defaultValue().orElseThrow(), new SlaveArguments(List.of()).port(dir.resolve("missing")));
        assertEquals(List.of("10.0.0.1", "127.0.0.1"), new SlaveArguments(List.of("--bind", "10.0.0.1")).hostsToTry());
    }

    @Test
    void aProcessThatDoesNotEndByItselfIsTerminated() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "600").start();
        DaemonStopper.Ending ending = DaemonStopper.stop(sleeper.toHandle(), java.time.Duration.ZERO);
        assertEquals(DaemonStopper.Ending.TERMINATED, ending);
        assertFalse(sleeper.isAlive());
    }
}
