package io.amoc.shell.daemon;

import io.amoc.shell.attach.AttachPoint;

import java.nio.file.Path;

/**
 * Where one daemon keeps its files under the install's {@code var/}: pid, log, attach socket, access token and the
 * lock that keeps a second copy from starting. {@code name} is {@code amoc} for the master, {@code amoc-slave} for a slave.
 */
public record DaemonFiles(Path varDir, String name) {

    public static final String MASTER = "amoc";
    public static final String SLAVE = "amoc-slave";

    public static DaemonFiles master(Path varDir) {
        return new DaemonFiles(varDir, MASTER);
    }

    public static DaemonFiles slave(Path varDir) {
        return new DaemonFiles(varDir, SLAVE);
    }

    public Path pidFile() {
        return varDir.resolve(name + ".pid");
    }

    public Path logFile() {
        return varDir.resolve("log").resolve(name + ".log");
    }

    public Path socketFile() {
        return varDir.resolve(name + ".sock");
    }

    public Path tokenFile() {
        return varDir.resolve(name + ".token");
    }

    /** Where a client attaches to this daemon. */
    public AttachPoint attachPoint() {
        return new AttachPoint(socketFile(), tokenFile(), logFile());
    }

    public Path lockFile() {
        return varDir.resolve(name + ".lock");
    }
}
