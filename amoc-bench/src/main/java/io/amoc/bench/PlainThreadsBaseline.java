package io.amoc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The same work without amoc: N plain virtual threads that sleep, started, then interrupted and joined. On a busy
 * machine it tells how much of the engine's figures is the engine and how much the JDK and the machine.
 */
final class PlainThreadsBaseline {

    /** Seconds to start all threads (until each runs) and to interrupt and join them all. */
    record Figures(double startSeconds, double stopSeconds) {
    }

    private PlainThreadsBaseline() {
    }

    static Figures run(long count) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(Math.toIntExact(count));
        List<Thread> threads = new ArrayList<>(Math.toIntExact(count));
        long begin = System.nanoTime();
        for (long i = 0; i < count; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                running.countDown();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException stopped) {
                    // ends the thread
                }
            }));
        }
        running.await();
        long started = System.nanoTime();
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            thread.join();
        }
        long stopped = System.nanoTime();
        return new Figures((started - begin) / 1e9, (stopped - started) / 1e9);
    }
}
