package io.amoc.shell.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What this process runs with: the install root ({@code -Damoc.home}, set by bin/amoc) and the standard streams.
 * Tests pass their own streams and home to run the shell in-process.
 */
public record ShellEnvironment(Path home, InputStream in, PrintStream out, PrintStream err, boolean interactive) {

    /** The system property bin/amoc passes with the install root. */
    public static final String HOME_PROPERTY = "amoc.home";

    /** The real process: stdin, stdout, stderr; interactive when stdin is a terminal. */
    public static ShellEnvironment system() {
        Path home = Path.of(System.getProperty(HOME_PROPERTY, ".")).toAbsolutePath().normalize();
        return new ShellEnvironment(home, System.in, System.out, System.err, isTerminal());
    }

    /** The conf/amoc.properties of the install. */
    public Path defaultConfigFile() {
        return home.resolve("conf").resolve("amoc.properties");
    }

    /**
     * True when stdin is a terminal (so {@code bin/amoc console | tee log} still prompts). Linux tells through
     * /proc; elsewhere System.console() is asked, which on JDK 22+ is non-null even when redirected, so its
     * isTerminal() (22+) decides.
     */
    private static boolean isTerminal() {
        try {
            String stdin = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return stdin.startsWith("/dev/pts/") || stdin.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException noProc) {
            return consoleIsTerminal();
        }
    }

    private static boolean consoleIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException onJdk21) {
            return true;
        }
    }
}
