import io.amoc.scenario.AmocMetrics;
import io.amoc.scenario.Scenario;

/** init throws, so no user may ever start. */
public class InitFails implements Scenario<Void> {

    @Override
    public Void init() {
        throw new IllegalStateException("the server is not there");
    }

    @Override
    public void start(long userId, Void state) {
        AmocMetrics.count("started");
    }
}
