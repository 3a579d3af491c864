package io.amoc.rmi;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A JVM started by a test (a slave, or a master of the hand-over tests), with its log in a file; killed at close.
 * Other modules' tests use it too (amoc-rmi's test-jar).
 */
public final class SlaveProcess implements AutoCloseable {

    private static final Duration START_DEADLINE = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;
    private final int port;

    private SlaveProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts a slave in an empty working directory (no scenario sources) and waits until it listens. */
    public static SlaveProcess start(Path workDir, Duration silenceTimeout) throws IOException {
        return start(workDir, TestSlaveMain.class, Long.toString(silenceTimeout.toMillis()), tlsDir());
    }

    /** The test run's TLS material (made on first use). */
    public static String tlsDir() {
        try {
            return TestTls.dir().toString();
        } catch (io.amoc.rmi.tls.TlsMaterialException e) {
            throw new IllegalStateException("cannot make the tests' TLS material: " + e.getMessage(), e);
        }
    }

    /** Starts a slave again on the registry port of this one (which must be dead), as an operator would. */
    SlaveProcess restart(Path workDir, Duration silenceTimeout) throws IOException {
        return start(workDir, TestSlaveMain.class, Long.toString(silenceTimeout.toMillis()), tlsDir(),
                Integer.toString(port));
    }

    /** Starts {@code main} with {@code arguments} and waits for its READY line. */
    static SlaveProcess start(Path workDir, Class<?> main, String... arguments) throws IOException {
        Files.createDirectories(workDir);
        Path log = workDir.resolve("slave.log");
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("AMOC_"));
        Process process = builder.start();
        String ready = Eventually.value("slave in " + workDir + " to listen (see " + log + ")", START_DEADLINE,
                () -> readyLine(log, process));
        return new SlaveProcess(process, log, Integer.parseInt(ready.split(" ")[1]));
    }

    private static Optional<String> readyLine(Path log, Process process) throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException("the slave exited with " + process.exitValue() + ": " + Files.readString(log));
        }
        List<String> lines = Files.readAllLines(log);
        return lines.stream().filter(l -> l.startsWith("READY ")).findFirst();
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** Closes the JVM's standard input (test mains end cleanly then) and waits until it has exited. */
    int endInputAndWait(Duration deadline) throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(deadline.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new AssertionError("pid " + process.pid() + " did not exit within " + deadline.toMillis() + " ms: " + log());
        }
        return process.exitValue();
    }

    /** kill -9. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Freezes the JVM (SIGSTOP) or thaws it (SIGCONT), to make it stop answering without closing its sockets. */
    void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).redirectErrorStream(true)
                .redirectOutput(new File("/dev/null")).start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " failed");
        }
    }

    /** Kills the slave if it still runs and keeps its log under target/slave-logs for a failed build to show. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
        try {
            Path kept = Files.createDirectories(Path.of("target", "slave-logs"));
            Files.copy(log, kept.resolve(log.getParent().getFileName() + "-" + process.pid() + ".log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            System.err.println("could not keep the slave log " + log + ": " + e);
        }
    }
}
