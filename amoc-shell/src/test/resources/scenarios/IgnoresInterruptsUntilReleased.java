import io.amoc.scenario.AmocConfig;
import io.amoc.scenario.Scenario;

/** A user no forced stop can end: it swallows interrupts until config 'release' is true. */
public class IgnoresInterruptsUntilReleased implements Scenario<Void> {

    @Override
    public void start(long userId, Void state) {
        while (!AmocConfig.get("release", false)) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException ignored) {
                // keeps going on purpose
            }
        }
    }
}
