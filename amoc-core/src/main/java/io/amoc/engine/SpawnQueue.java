package io.amoc.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
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

    /**
     * Up to {@code count} of the highest ids that are queued or live, highest first: queued ids (all above the live
     * ones) then {@code highestLive} of the rest. Under the lock, so no id moves from queued to live meanwhile.
     */
    synchronized long[] highestIds(int count, IntFunction<long[]> highestLive) {
        long[] ids = new long[(int) Math.min(count, progress.pending())];
        int found = 0;
        for (int r = ranges.size() - 1; r >= 0 && found < ids.length; r--) {
            IdRange range = ranges.get(r);
            for (long id = range.highest(); id >= range.first() && found < ids.length; id -= range.step()) {
                ids[found++] = id;
            }
        }
        long[] live = found < count ? highestLive.apply(count - found) : new long[0];
        long[] all = Arrays.copyOf(ids, found + live.length);
        System.arraycopy(live, 0, all, found, live.length);
        return all;
    }

    /** Drops these ids from the queue, so they never start; returns those that were queued. */
    synchronized List<Long> cancel(long[] ids) {
        List<Long> cancelled = new ArrayList<>();
        for (long id : ids) {
            if (drop(id)) {
                cancelled.add(id);
            }
        }
        if (!cancelled.isEmpty()) {
            progress = new Progress(progress.spawned(), progress.pending() - cancelled.size());
        }
        return cancelled;
    }

    /** Removes {@code id} from the range that holds it, searching from the highest range (removals take the top). */
    private boolean drop(long id) {
        for (int r = ranges.size() - 1; r >= 0; r--) {
            IdRange range = ranges.get(r);
            if (id > range.highest()) {
                return false;
            }
            if (id >= range.first()) {
                if ((id - range.first()) % range.step() != 0) {
                    return false;
                }
                replace(r, range, id);
                return true;
            }
        }
        return false;
    }

    private void replace(int index, IdRange range, long dropped) {
        IdRange below = new IdRange(range.first(), dropped - range.step(), range.step());
        IdRange above = new IdRange(dropped + range.step(), range.last(), range.step());
        ranges.remove(index);
        if (!above.isEmpty()) {
            ranges.add(index, above);
        }
        if (!below.isEmpty()) {
            ranges.add(index, below);
        }
    }

    /** Drops every queued id; nothing is taken after this. */
    synchronized void close() {
        closed = true;
        ranges.clear();
        progress = new Progress(progress.spawned(), 0);
        notifyAll();
    }
}
