package io.amoc.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A node that ran out of memory ends loudly, never as a zombie: a small memory reserve is freed so the node can still
 * act, the node is marked {@code failed(OutOfMemoryError ...)} at once (so its master's next heartbeat reads why), its
 * users are stopped, and the listeners are told: a slave exits, a console stays with its node failed.
 */
public final class OutOfMemoryResponse {

    /** Held from the start and freed at the first OutOfMemoryError, so that logging and stopping can allocate. */
    private static final int RESERVE_BYTES = 4 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(OutOfMemoryResponse.class);
    private static volatile byte[] reserve = new byte[RESERVE_BYTES];

    private final NodeController node;
    private final AtomicBoolean responding = new AtomicBoolean();
    private volatile boolean happened;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    OutOfMemoryResponse(NodeController node) {
        this.node = node;
    }

    /** {@code listener} gets the reason once the users have been stopped (on a thread of its own). */
    public void addListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    /**
     * Also responds to an OutOfMemoryError that ends any thread of this JVM (a library's reader, an RMI thread),
     * through the JVM's default uncaught-exception handler. For a JVM that hosts one node: a slave.
     */
    public void watchEveryThread() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (error instanceof OutOfMemoryError oom) {
                outOfMemory(oom);
            }
            if (previous != null) {
                previous.uncaughtException(thread, error);
            } else {
                LOG.error("thread {} ended with an uncaught exception", thread.getName(), error);
            }
        });
    }

    /** Whether the node has run out of memory since it started. */
    public boolean happened() {
        return happened;
    }

    /**
     * The node ran out of memory: responds from whatever thread calls it, without waiting for the users. Errors
     * that come while a response is under way (every user of a full heap may get one) are part of it.
     */
    public void outOfMemory(OutOfMemoryError error) {
        if (!responding.compareAndSet(false, true)) {
            return;
        }
        happened = true;
        reserve = null;
        String scenario = node.scenarioName();
        String reason = "OutOfMemoryError (" + error.getMessage() + ")" + (scenario == null ? "" : " in scenario " + scenario)
                + ": its users were stopped";
        Run run = node.failFatally(reason);
        LOG.error("{}: {}; give the JVM more heap (-Xmx in AMOC_JAVA_OPTS) or fewer users to this node", node.name(), reason);
        Thread.ofPlatform().name("amoc-out-of-memory").daemon().start(() -> {
            try {
                if (run != null) {
                    run.spawner().close();
                    run.pool().stopAll(EngineSettings.removeGracePeriodMillis());
                }
                listeners.forEach(listener -> listener.accept(reason));
            } finally {
                responding.set(false);
            }
        });
    }
}
