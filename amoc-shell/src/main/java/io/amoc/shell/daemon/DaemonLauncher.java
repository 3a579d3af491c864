package io.amoc.shell.daemon;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a JVM detached from the terminal: a new session ({@code setsid}, so closing the terminal or Ctrl-C does
 * not reach it), stdin from /dev/null, stdout and stderr appended to the daemon's log file. The new JVM runs
 * {@code io.amoc.shell.cli.DaemonMain} with the same Java, JVM options and class path as this one.
 */
public final class DaemonLauncher {

    /** The main class of a daemon JVM ({@code DaemonMain}). */
    static final String ENTRY_POINT = "io.amoc.shell.cli.DaemonMain";
    /** A daemon's log is read later, by someone who was not watching: progress and times belong in it. */
    private static final String LOG_LEVEL_PROPERTY = io.amoc.logs.LogSetup.AMOC_LEVEL_PROPERTY;
    private static final String LOG_TIME_PROPERTY = io.amoc.logs.LogSetup.TIME_PROPERTY;
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Path SETSID_ALT = Path.of("/bin/setsid");

    private DaemonLauncher() {
    }

    /** Launches {@code DaemonMain role args...} and gives its process; it writes its own pid file when it is up. */
    public static Process launch(DaemonFiles files, String role, List<String> args) throws IOException {
        Files.createDirectories(files.logFile().getParent());
        List<String> command = new ArrayList<>();
        setsid().ifPresent(command::add);
        command.add(javaExecutable());
        command.addAll(jvmOptions(files));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ENTRY_POINT);
        command.add(role);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(files.logFile().toFile()))
                .redirectErrorStream(true);
        return builder.start();
    }

    private static java.util.Optional<String> setsid() {
        if (Files.isExecutable(SETSID)) {
            return java.util.Optional.of(SETSID.toString());
        }
        return Files.isExecutable(SETSID_ALT) ? java.util.Optional.of(SETSID_ALT.toString()) : java.util.Optional.empty();
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** This JVM's options (heap, GC, amoc.home, ...) minus a debugger agent, plus where var/ is. */
    private static List<String> jvmOptions(DaemonFiles files) {
        List<String> options = new ArrayList<>();
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-agentlib:jdwp") && !option.startsWith("-D" + VarDir.PROPERTY + "=")) {
                options.add(option);
            }
        }
        options.add("-D" + VarDir.PROPERTY + "=" + files.varDir().toAbsolutePath());
        if (options.stream().noneMatch(option -> option.startsWith("-D" + LOG_LEVEL_PROPERTY + "="))) {
            options.add("-D" + LOG_LEVEL_PROPERTY + "=info");
        }
        options.add("-D" + LOG_TIME_PROPERTY + "=true");
        return options;
    }
}
