import io.amoc.scenario.Scenario;

/** Has no no-argument constructor, so it cannot be instantiated. */
public class NeedsArgument implements Scenario<Void> {

    public NeedsArgument(String required) {
    }

    @Override
    public void start(long userId, Void state) {
    }
}
