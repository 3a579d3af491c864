import io.amoc.scenario.AmocMetrics;
import io.amoc.scenario.Scenario;

/** Counts inits, iterations (also per state object, to show every user gets init's state) and terminates. */
public class CountsIterations implements Scenario<Object> {

    @Override
    public Object init() {
        AmocMetrics.count("inits");
        return new Object();
    }

    @Override
    public void start(long userId, Object state) {
        AmocMetrics.count("iterations");
        AmocMetrics.count("iterations_of_user_" + userId);
        AmocMetrics.count("saw_state_" + System.identityHashCode(state));
    }

    @Override
    public void terminate(Object state) {
        AmocMetrics.count("terminated");
    }
}
