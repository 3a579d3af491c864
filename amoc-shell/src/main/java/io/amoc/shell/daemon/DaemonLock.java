package io.amoc.shell.daemon;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The lock a daemon holds for its whole life, so two daemons never share one var/ even if they start at the
 * same moment; the OS drops it when the process ends, however it ends.
 */
public final class DaemonLock {

    private DaemonLock() {
    }

    /** The lock, or empty when another live process holds it. Keep the lock referenced until exit. */
    public static Optional<FileLock> tryAcquire(DaemonFiles files) throws IOException {
        Files.createDirectories(files.varDir());
        FileChannel channel = FileChannel.open(files.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        return Optional.of(lock);
    }
}
