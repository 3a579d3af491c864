package io.amoc.shell.cli;

import io.amoc.shell.daemon.DaemonLauncher;
import io.amoc.shell.daemon.SlaveProcess;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The entry point of a detached daemon JVM ({@link DaemonLauncher} starts it; its stdout and stderr are the log):
 * {@code master ARGS} runs {@code bin/amoc start --foreground ARGS}; {@code slave ARGS} takes the slave's lock and
 * pid file, then runs {@code bin/amoc slave ARGS} in the foreground. A daemon that cannot start says why in its log
 * and ends; the {@code start} that launched it sees it gone and shows the log.
 */
public final class DaemonMain {

    public static final String MASTER = "master";
    public static final String SLAVE = "slave";

    private DaemonMain() {
    }

    public static void main(String[] args) throws IOException {
        String role = args.length == 0 ? "" : args[0];
        List<String> command = new ArrayList<>();
        switch (role) {
            case MASTER -> command.addAll(List.of("start", StartCommand.FOREGROUND));
            case SLAVE -> {
                if (!SlaveProcess.claimPidFile()) {
                    return;
                }
                command.add(SLAVE);
            }
            default -> {
                System.err.println("amoc: unknown daemon role '" + role + "' (master or slave); start daemons with"
                        + " bin/amoc start or bin/amoc slave start");
                return;
            }
        }
        command.addAll(Arrays.asList(args).subList(1, args.length));
        Main.main(command.toArray(String[]::new));
    }
}
