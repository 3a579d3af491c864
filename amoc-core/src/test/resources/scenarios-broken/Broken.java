import io.amoc.scenario.Scenario;

public class Broken implements Scenario<Void> {

    @Override
    public void start(long userId, Void state) {
        int count = "not a number";
    }
}
