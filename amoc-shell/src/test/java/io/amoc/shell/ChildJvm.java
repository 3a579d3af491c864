package io.amoc.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A JVM started from a test with the test's own Java and class path: a real bin/amoc command in a process. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * Starts {@code main} with {@code args} in {@code workDir}, its install root being {@code home}; stdout and stderr
     * go to {@code output}, stdin is a pipe the test may write to.
     */
    public static Process start(Path home, Path workDir, Path output, Class<?> main, String... args)
            throws IOException {
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Xmx256m", "-Damoc.home=" + home, "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
    }

    /** What the process wrote so far ("" before it wrote anything). */
    public static String output(Path output) {
        try {
            return Files.exists(output) ? Files.readString(output) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
