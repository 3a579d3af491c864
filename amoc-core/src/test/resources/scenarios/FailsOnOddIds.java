import io.amoc.scenario.AmocMetrics;
import io.amoc.scenario.Scenario;

/** Users with odd ids throw at once; users with even ids keep iterating (each iteration blocks a moment, as I/O would). */
public class FailsOnOddIds implements Scenario<Void> {

    @Override
    public void start(long userId, Void state) throws InterruptedException {
        if (userId % 2 == 1) {
            AmocMetrics.count("odd_starts");
            throw new IllegalStateException("odd user " + userId + " fails on purpose");
        }
        Thread.sleep(1);
        AmocMetrics.count("even_iterations");
    }
}
