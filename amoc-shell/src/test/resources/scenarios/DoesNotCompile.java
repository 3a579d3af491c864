import io.amoc.scenario.Scenario;

/** Two compile errors on purpose. */
public class DoesNotCompile implements Scenario<Void> {
    @Override
    public void start(long userId, Void state) throws Exception {
        undefinedMethod(userId);
        int number = "text";
    }
}
