package io.amoc.engine;

import java.util.Arrays;

/**
 * The users of a run in the order they were spawned, which is ascending id order (a node's ids only grow within a
 * run), so the highest live ids are found by walking back from the end. Ended users are dropped when they make up
 * most of the list, so a long run with many adds and removes does not keep them all.
 */
final class SpawnOrder {

    private static final int INITIAL_CAPACITY = 1024;

    private User[] users = new User[INITIAL_CAPACITY];
    private int size;

    synchronized void append(User user) {
        if (size == users.length) {
            compactOrGrow();
        }
        users[size++] = user;
    }

    /** Up to {@code count} ids of users that are alive and not being stopped, highest first. */
    synchronized long[] highestActive(int count) {
        long[] ids = new long[Math.min(count, size)];
        int found = 0;
        for (int i = size - 1; i >= 0 && found < ids.length; i--) {
            if (users[i].active()) {
                ids[found++] = users[i].id();
            }
        }
        return found == ids.length ? ids : Arrays.copyOf(ids, found);
    }

    private void compactOrGrow() {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (users[i].alive()) {
                users[kept++] = users[i];
            }
        }
        Arrays.fill(users, kept, size, null);
        size = kept;
        if (size > users.length / 2) {
            users = Arrays.copyOf(users, users.length * 2);
        }
    }
}
