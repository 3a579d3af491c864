package io.amoc.shell.daemon;

import io.amoc.shell.attach.AccessToken;
import io.amoc.shell.attach.DaemonServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The master as a daemon, in this process: holds the lock, writes pid and token, serves attach on the socket and
 * runs every client's commands through one shell until a client asks it to stop, or SIGTERM comes; either way the
 * shell is closed (its users end, terminate runs) and the socket, token and pid file are removed.
 */
public final class MasterDaemon {

    private static final Logger log = LoggerFactory.getLogger(MasterDaemon.class);

    private final DaemonFiles files;
    private final long pid = ProcessHandle.current().pid();
    /** How long SIGTERM (docker stop, systemd, kill) lets the running scenario end before the JVM goes anyway. */
    static final Duration TERM_GRACE = Duration.ofSeconds(12);

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
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
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopOnSignal, "amoc-daemon-signal"));
        try {
            PidFile.write(files.pidFile(), pid);
            serve(shellFactory);
        } finally {
            cleanUp();
            stopped.countDown();
            lock.get().release();
        }
        return Optional.empty();
    }

    private void serve(Supplier<DaemonShell> shellFactory) throws IOException, InterruptedException {
        AccessToken token = AccessToken.createIn(files.tokenFile());
        DaemonShell shell = shellFactory.get();
        server = DaemonServer.start(files.socketFile(), token, shell.runner(), shell.completions(),
                stopRequested::countDown);
        log.info("amoc daemon ready: pid {}, attach socket {}", pid, files.socketFile());
        stopRequested.await();
        log.info("stopping: ending the running scenario");
        server.close();
        shell.close();
    }

    /** On SIGTERM: stop as a client's stop would, giving the scenario {@link #TERM_GRACE} to end. */
    private void stopOnSignal() {
        stopRequested.countDown();
        try {
            if (!stopped.await(TERM_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("the scenario did not end within {} s of SIGTERM; exiting anyway", TERM_GRACE.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cleanUp();
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
