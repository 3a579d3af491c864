import io.amoc.scenario.AmocConfig;
import io.amoc.scenario.AmocMetrics;
import io.amoc.scenario.Scenario;

/** Swallows interrupts and only ends when config 'release' is true: a user no forced removal can stop. */
public class IgnoresInterrupts implements Scenario<Void> {

    @Override
    public void start(long userId, Void state) {
        AmocMetrics.count("started");
        while (!AmocConfig.get("release", false)) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException ignored) {
                // keeps going on purpose
            }
        }
    }
}
