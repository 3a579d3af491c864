package io.amoc.command;

import java.time.Duration;

/**
 * Tells a {@link StartListener} that a start still runs the scenario's {@code init}: first after {@link #FIRST_AFTER},
 * then every {@link #EVERY}, from a thread of its own, until closed; once {@link #close()} returns it tells nothing
 * more. The starting thread is never disturbed, so that Ctrl-C still cancels the start as before.
 */
final class InitProgress implements AutoCloseable {

    /** How long a start runs init before the first word that it still does: most inits end sooner. */
    static final Duration FIRST_AFTER = Duration.ofSeconds(5);
    /** How often, after the first, a start says that init still runs. */
    static final Duration EVERY = Duration.ofSeconds(10);

    private final String scenario;
    private final StartListener listener;
    private final long startNanos = System.nanoTime();
    private final Thread ticker;
    /** Guarded by {@code this}: a tick tells the listener while holding it, so that close waits for that tick. */
    private boolean closed;

    private InitProgress(String scenario, StartListener listener) {
        this.scenario = scenario;
        this.listener = listener;
        this.ticker = listener == StartListener.NONE ? null
                : Thread.ofVirtual().name("amoc-init-progress").start(this::tick);
    }

    /** Starts telling {@code listener} about the init of {@code scenario}, which begins now. */
    static InitProgress of(String scenario, StartListener listener) {
        return new InitProgress(scenario, listener);
    }

    private void tick() {
        try {
            Thread.sleep(FIRST_AFTER);
            while (tell()) {
                Thread.sleep(EVERY);
            }
        } catch (InterruptedException closing) {
            // closed: the start returned
        }
    }

    private synchronized boolean tell() {
        if (!closed) {
            listener.initRunning(scenario, Duration.ofNanos(System.nanoTime() - startNanos));
        }
        return !closed;
    }

    /** The start returned (or was cancelled): no word after this. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        if (ticker != null) {
            ticker.interrupt();
        }
    }
}
