import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What a timer that wakes a thread costs on this machine: a ScheduledExecutorService runs an empty task (or, with
 * "vt", starts an empty virtual thread) every PERIOD ms; prints the JVM's thread CPU per second over 10 s.
 * Run: java bench/wakeup/TimerWakeups.java 100 [vt]
 */
public class TimerWakeups {
    public static void main(String[] args) throws Exception {
        long period = Long.parseLong(args[0]);
        boolean virtual = args.length > 1 && args[1].equals("vt");
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        timer.scheduleAtFixedRate(() -> {
            if (virtual) {
                Thread.ofVirtual().start(() -> { });
            }
        }, 0, period, TimeUnit.MILLISECONDS);
        Thread.sleep(2_000);
        long before = threadCpuNanos();
        Thread.sleep(10_000);
        long after = threadCpuNanos();
        System.out.printf("every %d ms%s: %.2f ms of CPU a second, %.0f µs per wake-up%n", period,
                virtual ? " with a virtual thread" : "", (after - before) / 1e6 / 10,
                (after - before) / 1e3 / (10_000.0 / period));
        System.exit(0);
    }

    private static long threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            sum += Math.max(0, threads.getThreadCpuTime(id));
        }
        return sum;
    }
}
