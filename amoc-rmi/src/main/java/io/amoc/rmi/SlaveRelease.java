package io.amoc.rmi;

import io.amoc.cluster.MonitoredNode;
import io.amoc.cluster.NodeException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A master leaving its slaves: every release is sent at once, and the wait for them all is bounded. */
final class SlaveRelease {

    private SlaveRelease() {
    }

    /** Releases the slaves among {@code nodes}; the names of those that did not confirm within {@code wait}. */
    static List<String> of(List<? extends MonitoredNode> nodes, Duration wait) {
        Map<String, CompletableFuture<Void>> releases = new LinkedHashMap<>();
        for (MonitoredNode node : nodes) {
            if (node instanceof RemoteNodeHandle handle) {
                releases.put(handle.name(), CompletableFuture.runAsync(() -> releaseOne(handle),
                        Thread.ofVirtual().name("amoc-release")::start));
            }
        }
        long deadline = System.nanoTime() + wait.toNanos();
        List<String> unconfirmed = new ArrayList<>();
        releases.forEach((name, release) -> {
            try {
                release.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                unconfirmed.add(name);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unconfirmed.add(name);
            }
        });
        return unconfirmed;
    }

    private static void releaseOne(RemoteNodeHandle handle) {
        try {
            handle.release();
        } catch (NodeException e) {
            throw new CompletionException(e);
        }
    }
}
