package io.amoc.rmi;

import io.amoc.cluster.CallCancelledException;
import io.amoc.cluster.NodeException;
import io.amoc.cluster.NodeUnreachableException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * One call to a slave, made on a virtual thread of its own and awaited with a deadline. The caller stops waiting at
 * the deadline, as soon as the slave has gone silent (it stopped answering heartbeats), or when the caller is
 * interrupted (its command was cancelled); the call's thread is then interrupted, which closes its socket. RMI has no
 * per-call timeout of its own: a connection's read timeout is the same for every call on it, and a call that was
 * abandoned this way may still be carried out by the slave once it reads it.
 */
final class BoundedCall {

    /** How often a waiting caller looks whether the slave has gone silent. */
    private static final long SILENCE_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private BoundedCall() {
    }

    /** The work of one call, which may block on the network. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws NodeException;
    }

    /**
     * Runs {@code work} and returns its answer, or throws what it threw.
     *
     * @param node       the slave's name, for the messages
     * @param deadline   the longest wait, and the config key that sets it
     * @param wentSilent true once the slave has stopped answering heartbeats (never true where nothing beats it)
     * @throws NodeUnreachableException the deadline passed or the slave went silent first
     * @throws CallCancelledException   the caller was interrupted
     */
    static <T> T run(String node, Deadline deadline, BooleanSupplier wentSilent, Work<T> work) throws NodeException {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Thread caller = Thread.ofVirtual().name("amoc-call-" + node).start(() -> {
            try {
                answer.complete(work.run());
            } catch (NodeException | RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        long end = System.nanoTime() + deadline.length().toNanos();
        try {
            while (true) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw abandoned(caller, node, "no answer within " + RmiTimeouts.inSeconds(deadline.length()) + " ("
                            + deadline.key() + ")");
                }
                try {
                    return answer.get(Math.min(left, SILENCE_CHECK_NANOS), TimeUnit.NANOSECONDS);
                } catch (TimeoutException stillWaiting) {
                    if (wentSilent.getAsBoolean()) {
                        throw abandoned(caller, node, "it stopped answering heartbeats while this call waited");
                    }
                }
            }
        } catch (InterruptedException cancelled) {
            caller.interrupt();
            Thread.currentThread().interrupt();
            throw new CallCancelledException(node);
        } catch (ExecutionException failed) {
            throw rethrown(failed.getCause());
        }
    }

    private static NodeUnreachableException abandoned(Thread caller, String node, String why) {
        caller.interrupt();
        return new NodeUnreachableException(node, new SlaveUnreachable(why
                + "; the slave may still do what it was asked when it reads the call", null));
    }

    private static NodeException rethrown(Throwable failure) {
        if (failure instanceof NodeException node) {
            return node;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IllegalStateException("a slave call failed unexpectedly", failure);
    }

    /** How long a call may take, and the config key that says so. */
    record Deadline(Duration length, String key) {
    }
}
