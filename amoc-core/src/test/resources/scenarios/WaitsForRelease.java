import io.amoc.scenario.AmocConfig;
import io.amoc.scenario.AmocMetrics;
import io.amoc.scenario.Scenario;

/** Each iteration waits until config 'release' is true, counting starts and finishes per user. */
public class WaitsForRelease implements Scenario<Void> {

    @Override
    public void start(long userId, Void state) throws InterruptedException {
        AmocMetrics.count("started_" + userId);
        while (!AmocConfig.get("release", false)) {
            Thread.sleep(5);
        }
        AmocMetrics.count("finished_" + userId);
    }
}
