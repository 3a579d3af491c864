package io.amoc.shell;

import io.amoc.shell.cli.SlaveCommandMain;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A slave started with the real {@code bin/amoc slave} subcommand in a JVM of its own, on free loopback ports, with
 * the tests' TLS material; it can be frozen (SIGSTOP) and thawed, and is killed at close (thawed first).
 */
public final class SlaveJvm implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("amoc slave (127\\.0\\.0\\.1:\\d+) ");
    /** A JVM's start takes seconds, and many more on a machine busy with other builds. */
    private static final Duration START_PATIENCE = Duration.ofSeconds(60);

    private final Process process;
    private final String address;

    private SlaveJvm(Process process, String address) {
        this.process = process;
        this.address = address;
    }

    /** Starts a slave in {@code workDir} whose master silence timeout is {@code silenceSeconds}; waits until it listens. */
    public static SlaveJvm start(Path workDir, long silenceSeconds) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path properties = workDir.resolve("slave.properties");
        Files.writeString(properties, "master_silence_timeout = " + silenceSeconds + "\ntls_dir = \""
                + Fixtures.tlsDir() + "\"\n");
        Path log = workDir.resolve("slave.log");
        Process slave = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), SlaveCommandMain.class.getName(),
                "--bind", "127.0.0.1", "--allow-loopback", "--port", "0", "--object-port", "0",
                "--config", properties.toString())
                .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Fixtures.waitUntil("a slave to listen (see " + log + ")", START_PATIENCE,
                    () -> READY.matcher(read(log)).find());
        } catch (AssertionError | InterruptedException e) {
            slave.destroyForcibly();
            throw e;
        }
        Matcher ready = READY.matcher(read(log));
        if (!ready.find()) {
            throw new IllegalStateException("the slave's ready line went away: " + log);
        }
        return new SlaveJvm(slave, ready.group(1));
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** {@code 127.0.0.1:port} of its registry. */
    public String address() {
        return address;
    }

    public Process process() {
        return process;
    }

    /** Freezes the JVM without closing its sockets, as a debugger or a hung machine would. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                .redirectErrorStream(true).redirectOutput(new File("/dev/null")).start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            thaw();
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
