import io.amoc.scenario.AmocConfig;
import io.amoc.scenario.AmocMetrics;
import io.amoc.scenario.Scenario;

/** init swallows interrupts and only ends when config 'release' is true: a set-up no cancel can end. */
public class InitIgnoresInterrupts implements Scenario<Void> {

    @Override
    public Void init() {
        AmocMetrics.count("inits");
        while (!AmocConfig.get("release", false)) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException ignored) {
                // keeps going on purpose
            }
        }
        AmocMetrics.count("inits_ended");
        return null;
    }

    @Override
    public void start(long userId, Void state) {
        AmocMetrics.count("started");
    }
}
