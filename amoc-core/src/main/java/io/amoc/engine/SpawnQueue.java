package io.amoc.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The ids asked for and not started yet, in spawn order (ascending: a node's ids only grow within a run), and the
 * spawn progress. Every change happens under this queue's lock and publishes one immutable {@link Progress}, so
 * {@link #progress()} reads a consistent pair without taking the lock.
 */
final class SpawnQueue {

    /** Users started so far and users asked for and not started yet, as of one moment. */
    record Progress(long spawned, long pending) {
        static final Progress NONE = new Progress(0, 0);
    }

    private final List<IdRange> ranges = new ArrayList<>();
    private volatile Progress progress = Progress.NONE;
    private boolean closed;

    Progress progress() {
        return progress;
    }

    synchronized void add(IdRange ids) {
        if (closed || ids.isEmpty()) {
            return;
        }
        ranges.add(ids);
        progress = new Progress(progress.spawned(), progress.pending() + ids.size());
        notifyAll();
    }

    /** Blocks until an id is queued or the queue is closed. */
    synchronized void awaitWork() throws InterruptedException {
        while (ranges.isEmpty() && !closed) {
            wait();
        }
    }

    /**
     * Takes the next id and hands it to {@code admit} under the lock, so that a removal sees each id either queued
     * or admitted, never in between. Null when nothing is queued (or the queue is closed).
     */
    synchronized <T> T take(LongFunction<T> admit) {
        if (closed || ranges.isEmpty()) {
            return null;
        }
        IdRange head = ranges.getFirst();
        long id = head.first();
        IdRange rest = new IdRange(id + head.step(), head.last(), head.step());
        if (rest.isEmpty()) {
            ranges.removeFirst();
        } else {
            ranges.set(0, rest);
        }
        T admitted = admit.apply(id);
        progress = new Progress(progress.spawned() + 1, progress.pending() - 1);
        return admitted;
    }

    /** Drops every queued id; nothing is taken after this. */
    synchronized void close() {
        closed = true;
        ranges.clear();
        progress = new Progress(progress.spawned(), 0);
        notifyAll();
    }
}
