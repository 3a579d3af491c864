import io.amoc.scenario.Scenario;

/** Each user sleeps until it is interrupted. */
public class SleepsForever implements Scenario<Void> {

    @Override
    public void start(long userId, Void state) throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }
}
