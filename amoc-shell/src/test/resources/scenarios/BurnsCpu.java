import io.amoc.scenario.Scenario;

/** Each user spins on the CPU without ever blocking, until it is stopped: a generator cannot keep up with this. */
public class BurnsCpu implements Scenario<Void> {

    @Override
    public void start(long userId, Void state) {
        long spins = 0;
        while (!Thread.currentThread().isInterrupted()) {
            spins += System.nanoTime() % 7;
        }
        if (spins == 42) {
            Thread.onSpinWait();
        }
    }
}
