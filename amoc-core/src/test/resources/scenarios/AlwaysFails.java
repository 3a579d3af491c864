import io.amoc.scenario.Scenario;

/** Every user fails at once with the same cause, its id in the message. */
public class AlwaysFails implements Scenario<Void> {

    @Override
    public void start(long userId, Void state) {
        giveUp(userId);
    }

    private static void giveUp(long userId) {
        throw new IllegalStateException("user " + userId + " gives up after 3 tries");
    }
}
