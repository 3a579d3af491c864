package io.amoc.shell.daemon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * The master as a daemon, in this process: holds the lock, writes pid and token, serves attach on the socket and
 * runs every client's commands through one shell until a client asks it to stop (or it gets SIGTERM).
 */
public final class MasterDaemon {

    private static final Logger log = LoggerFactory.getLogger(MasterDaemon.class);

    private final DaemonFiles files;
    private final long pid = ProcessHandle.current().pid();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile DaemonServer server;

    public MasterDaemon(DaemonFiles files) {
        this.files = files;
    }

    /** Serves until stopped; empty if another daemon already holds this var/. */
    public Optional<String> run(Supplier<DaemonShell> shellFactory) throws IOException, InterruptedException {
        Optional<FileLock> lock = DaemonLock.tryAcquire(files);
        if (lock.isEmpty()) {
            return Optional.of("amoc is already running (" + files.pidFile() + ")");
        }
        PidFile.write(files.pidFile(), pid);
        Thread cleanup = new Thread(this::cleanUp, "amoc-daemon-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        AccessToken token = AccessToken.createIn(files.tokenFile());
        DaemonShell shell = shellFactory.get();
        server = DaemonServer.start(files.socketFile(), token, shell.runner(), shell::commandNames,
                stopRequested::countDown);
        log.info("amoc daemon ready: pid {}, attach socket {}", pid, files.socketFile());
        stopRequested.await();
        log.info("stopping: ending the running scenario");
        server.close();
        shell.close();
        cleanUp();
        lock.get().release();
        return Optional.empty();
    }

    /** Asks the daemon to stop as an attached client's {@code stop} would. */
    public void requestStop() {
        stopRequested.countDown();
    }

    private void cleanUp() {
        try {
            DaemonServer serving = server;
            if (serving != null) {
                serving.close();
            }
            Files.deleteIfExists(files.tokenFile());
        } catch (IOException e) {
            log.warn("cleaning up the daemon's files failed", e);
        }
        PidFile.deleteIfOwnedBy(files.pidFile(), pid);
    }
}
