import io.amoc.scenario.AmocMetrics;
import io.amoc.scenario.Scenario;

/** Users with odd ids throw at once; users with even ids keep iterating. */
public class FailsOnOddIds implements Scenario<Void> {

    @Override
    public void start(long userId, Void state) {
        if (userId % 2 == 1) {
            AmocMetrics.count("odd_starts");
            throw new IllegalStateException("odd user " + userId + " fails on purpose");
        }
        AmocMetrics.count("even_iterations");
    }
}
