package io.amoc.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Tells this JVM that the installed configuration ({@link Config#global()}) changed: a value set or removed at run
 * time, or another configuration installed. Waits that depend on a value (a user's {@code repeat_interval}) wait
 * here, so a change applies to a wait already begun; listeners (logger levels) hear each changed key.
 */
public final class ConfigChanges {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigChanges.class);
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Condition CHANGED = LOCK.newCondition();
    private static final List<Consumer<String>> LISTENERS = new CopyOnWriteArrayList<>();
    private static volatile long version;

    private ConfigChanges() {
    }

    /** A number that grows at each change; read it before the values a wait depends on. */
    public static long version() {
        return version;
    }

    /**
     * Waits until the configuration changes after {@code seen} (a {@link #version()}) or {@code nanos} pass,
     * whichever comes first; returns at once when it changed already.
     */
    public static void awaitChangeAfter(long seen, long nanos) throws InterruptedException {
        long left = nanos;
        LOCK.lockInterruptibly();
        try {
            while (version == seen && left > 0) {
                left = CHANGED.awaitNanos(left);
            }
        } finally {
            LOCK.unlock();
        }
    }

    /** {@code listener} hears the key of each change from now on (every known key when a config is installed). */
    public static void addListener(Consumer<String> listener) {
        LISTENERS.add(listener);
    }

    static void changed(List<String> keys) {
        LOCK.lock();
        try {
            version++;
            CHANGED.signalAll();
        } finally {
            LOCK.unlock();
        }
        for (String key : keys) {
            for (Consumer<String> listener : LISTENERS) {
                try {
                    listener.accept(key);
                } catch (RuntimeException e) {
                    LOG.warn("applying the change of config {} failed: {}", key, e.toString());
                }
            }
        }
    }
}
