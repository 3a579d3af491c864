package io.amoc.shell.cli;

import picocli.CommandLine;

/** Runs the real {@code bin/amoc slave} subcommand in a test's child JVM; it ends when the test JVM goes away. */
public final class SlaveCommandMain {

    private SlaveCommandMain() {
    }

    public static void main(String[] args) {
        Thread parentWatch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // until the parent closes our stdin
                }
            } catch (java.io.IOException ignored) {
                // the parent is gone either way
            }
            System.exit(0);
        }, "parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();
        System.exit(new CommandLine(new SlaveCommand(ShellEnvironment.system())).execute(args));
    }
}
