import io.amoc.scenario.Scenario;

/** Users return at once; terminate throws. */
public class TerminateFails implements Scenario<Void> {

    @Override
    public void start(long userId, Void state) {
    }

    @Override
    public void terminate(Void state) {
        throw new IllegalStateException("cannot clean up");
    }
}
