package io.amoc.engine;

import java.io.Serializable;

/**
 * Users that failed with the same cause: the same exception class, the same message once numbers and ids are
 * masked, at the same first frame of the scenario's own code.
 *
 * @param cause       one line naming the group, e.g. {@code IllegalStateException: no reply from user_<n> at
 *                    Chat.java:42}
 * @param count       how many users failed with it
 * @param firstMillis when the first of them failed (epoch ms)
 * @param lastMillis  when the latest failed
 * @param example     the first one's message, unmasked
 * @param stackTrace  the first one's stack trace
 */
public record FailureGroup(String cause, long count, long firstMillis, long lastMillis, String example,
                           String stackTrace) implements Serializable {

    /** This group and {@code other} (the same cause on another node) as one. */
    public FailureGroup merge(FailureGroup other) {
        boolean mineFirst = firstMillis <= other.firstMillis;
        return new FailureGroup(cause, count + other.count, Math.min(firstMillis, other.firstMillis),
                Math.max(lastMillis, other.lastMillis), mineFirst ? example : other.example,
                mineFirst ? stackTrace : other.stackTrace);
    }
}
