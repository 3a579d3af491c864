import io.amoc.scenario.Scenario;

/** Each user sleeps a minute per iteration: alive until removed or stopped. */
public class SleepsForAMinute implements Scenario<Void> {
    @Override
    public void start(long userId, Void state) throws Exception {
        Thread.sleep(60_000);
    }
}
