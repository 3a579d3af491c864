import io.amoc.scenario.Scenario;

/** Every user fails at once. */
public class FailsAtOnce implements Scenario<Void> {

    @Override
    public void start(long userId, Void state) {
        throw new IllegalStateException("user " + userId + " cannot go on");
    }
}
