package io.amoc.shell.daemon;

import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.Optional;

/** The slave daemon's own bookkeeping, done in the slave JVM before the slave starts: lock and pid file. */
public final class SlaveProcess {

    /** Held until the JVM exits: the lock is what keeps a second slave out of the same var/. */
    private static FileLock lock;

    private SlaveProcess() {
    }

    /** Takes the lock and writes the pid file (removed again at exit); false if another slave holds the lock. */
    public static boolean claimPidFile() throws IOException {
        DaemonFiles files = DaemonFiles.slave(VarDir.of(Path.of(System.getProperty("amoc.home", "."))));
        Optional<FileLock> acquired = DaemonLock.tryAcquire(files);
        if (acquired.isEmpty()) {
            System.err.println("amoc: a slave is already running with " + files.pidFile() + "; stop it with bin/amoc slave stop");
            return false;
        }
        lock = acquired.get();
        long pid = ProcessHandle.current().pid();
        PidFile.write(files.pidFile(), pid);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> PidFile.deleteIfOwnedBy(files.pidFile(), pid),
                "amoc-slave-pid-cleanup"));
        return true;
    }
}
