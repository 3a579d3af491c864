import io.amoc.scenario.AmocMetrics;
import io.amoc.scenario.Scenario;

/** init waits until its thread is interrupted (a slow set-up a person gives up on); no user ever starts. */
public class InitWaitsUntilCancelled implements Scenario<Void> {

    @Override
    public Void init() throws InterruptedException {
        AmocMetrics.count("inits");
        Thread.sleep(Long.MAX_VALUE);
        return null;
    }

    @Override
    public void start(long userId, Void state) {
        AmocMetrics.count("started");
    }
}
