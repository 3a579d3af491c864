import io.amoc.scenario.Scenario;

/** User 5 fails with an OutOfMemoryError (thrown, so no heap is filled); every other user sleeps until stopped. */
public class RunsOutOfMemoryOnUserFive implements Scenario<Void> {
    @Override
    public void start(long userId, Void state) throws InterruptedException {
        if (userId == 5) {
            throw new OutOfMemoryError("thrown by the fixture");
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
