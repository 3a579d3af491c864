import io.amoc.scenario.AmocConfig;
import io.amoc.scenario.Scenario;

/** A slow set-up (e.g. creating accounts): init waits until config 'release' is true. */
public class InitWaitsUntilReleased implements Scenario<Void> {

    @Override
    public Void init() throws InterruptedException {
        while (!AmocConfig.get("release", false)) {
            Thread.sleep(10);
        }
        return null;
    }

    @Override
    public void start(long userId, Void state) throws InterruptedException {
        Thread.sleep(60_000);
    }
}
