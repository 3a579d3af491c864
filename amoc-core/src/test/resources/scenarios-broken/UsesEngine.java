import io.amoc.engine.NodeController;
import io.amoc.scenario.Scenario;

/** Reaches into the engine, which scenarios must not see. */
public class UsesEngine implements Scenario<Void> {

    @Override
    public void start(long userId, Void state) {
        new NodeController("mine").stop();
    }
}
