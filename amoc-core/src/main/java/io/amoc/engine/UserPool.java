package io.amoc.engine;

import io.amoc.metrics.NodeMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The users of one run on one node. Counts are kept in counters, so status never scans the users.
 * {@code alive} finds every user whose thread has not ended by id; {@code order} finds the highest ids.
 */
final class UserPool {

    private static final Logger LOG = LoggerFactory.getLogger(UserPool.class);
    private static final String USER_FAILURES = "user_failures";

    private final String scenario;
    private final ScenarioInvoker invoker;
    private final Object state;
    private final CurrentRun run;
    private final SpawnOrder order = new SpawnOrder();
    private final ConcurrentHashMap<Long, User> alive = new ConcurrentHashMap<>();
    private final AtomicLong aliveCount = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong stragglers = new AtomicLong();
    private final FailureGroups failureGroups;
    private final java.util.function.Consumer<OutOfMemoryError> onOutOfMemory;

    UserPool(String scenario, ScenarioInvoker invoker, Object state, CurrentRun run, FailureGroups failureGroups,
             java.util.function.Consumer<OutOfMemoryError> onOutOfMemory) {
        this.scenario = scenario;
        this.invoker = invoker;
        this.state = state;
        this.run = run;
        this.failureGroups = failureGroups;
        this.onOutOfMemory = onOutOfMemory;
    }

    long alive() {
        return aliveCount.get();
    }

    long failures() {
        return failures.get();
    }

    /** Users stopped by force that were still alive after the grace period, and still are. */
    long stragglers() {
        return stragglers.get();
    }

    /**
     * Admits the user {@code id}: it counts as alive and can be removed from now on; the caller starts its (virtual)
     * thread. A user removed before its thread starts ends without running {@code start}.
     */
    User admit(long id) {
        User user = new User(id, this, invoker, state, run);
        user.attach(Thread.ofVirtual().name("amoc-user-" + id).unstarted(user));
        alive.put(id, user);
        order.append(user);
        aliveCount.incrementAndGet();
        publishUsers();
        return user;
    }

    /** Up to {@code count} of the highest ids of live users not being removed, highest first. */
    long[] highestLiveIds(int count) {
        return order.highestActive(count);
    }

    /** Asks these users to stop; a forced removal waits up to {@code graceMillis} and reports who is still alive. */
    RemovalReport remove(long[] ids, boolean force, long graceMillis) {
        List<User> stopping = new ArrayList<>(ids.length);
        for (long id : ids) {
            User user = alive.get(id);
            if (user != null && (force || !user.stopRequested())) {
                stopping.add(user);
            }
        }
        List<Long> removed = stopping.stream().map(User::id).toList();
        return new RemovalReport(removed, force ? stopByForce(stopping, graceMillis) : stopGently(stopping));
    }

    private static List<Long> stopGently(List<User> users) {
        users.forEach(u -> u.requestStop(false));
        return List.of();
    }

    /** Interrupts every user, waits up to {@code graceMillis}; the ids still alive after it. */
    List<Long> stopAll(long graceMillis) {
        List<User> all = new ArrayList<>(alive.values());
        return stopByForce(all, graceMillis);
    }

    /**
     * Interrupts the users and waits for them on one latch; the ids still alive after the grace period, which are
     * stragglers from then on (until they end).
     */
    private List<Long> stopByForce(List<User> users, long graceMillis) {
        Removal removal = new Removal(users.size());
        for (User user : users) {
            user.reportEndTo(removal);
            user.requestStop(true);
        }
        if (removal.await(graceMillis)) {
            return List.of();
        }
        List<User> alive = users.stream().filter(User::alive).toList();
        alive.stream().filter(User::markStraggler).forEach(straggler -> stragglers.incrementAndGet());
        return alive.stream().map(User::id).toList();
    }

    /** Called by a user whose {@code start} threw: counted, grouped by cause (the first of a group logged), not restarted. */
    void failed(User user, Throwable error) {
        if (user.stopRequested()) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("user {} of {} ended while being removed: {}", user.id(), scenario, error.toString());
            }
            return;
        }
        failures.incrementAndGet();
        NodeMetrics.current().count(USER_FAILURES, 1);
        failureGroups.failed(user.id(), error);
    }

    /**
     * Called by a user whose link failed (its connection was lost): counted and grouped now, unless the user was being
     * removed anyway, and no longer counted alive, though its thread may take a moment to end.
     */
    void lost(User user, Throwable cause, boolean removing) {
        if (removing) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("user {} of {} lost a link while being removed: {}", user.id(), scenario, cause.toString());
            }
        } else {
            failures.incrementAndGet();
            NodeMetrics.current().count(USER_FAILURES, 1);
            failureGroups.failed(user.id(), cause);
        }
        uncount(user);
    }

    /** Called by a user whose {@code start} ran out of memory: the node cannot go on (see NodeController). */
    void outOfMemory(OutOfMemoryError error) {
        onOutOfMemory.accept(error);
    }

    /** Called by every user as its thread ends. */
    void ended(User user, boolean wasStraggler) {
        alive.remove(user.id());
        if (wasStraggler) {
            stragglers.decrementAndGet();
        }
        uncount(user);
    }

    private void uncount(User user) {
        if (user.uncount()) {
            aliveCount.decrementAndGet();
            publishUsers();
        }
    }

    /** Publishes the live count; the last writer re-checks, so a racing stale write is always corrected. */
    private void publishUsers() {
        long published;
        do {
            published = aliveCount.get();
            NodeMetrics.current().users(published);
        } while (published != aliveCount.get());
    }
}
