import io.amoc.scenario.AmocMetrics;
import io.amoc.scenario.Scenario;

/** Each user greets (a 2..6 ms sleep), times it and counts it. */
public class GreetsBriefly implements Scenario<Void> {

    @Override
    public void start(long userId, Void state) throws InterruptedException {
        long begin = System.nanoTime();
        Thread.sleep(2 + userId % 5);
        AmocMetrics.time("greeting", (System.nanoTime() - begin) / 1000);
        AmocMetrics.count("greetings");
    }
}
