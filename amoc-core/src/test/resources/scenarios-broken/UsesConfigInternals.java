import io.amoc.scenario.Scenario;

/** Uses a fully qualified internal class without an import. */
public class UsesConfigInternals implements Scenario<Void> {

    @Override
    public void start(long userId, Void state) {
        io.amoc.config.Config.global().set("x", 1L);
    }
}
