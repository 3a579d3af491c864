import io.amoc.scenario.AmocMetrics;
import io.amoc.scenario.Scenario;

/** Each user greets (a 5..14 ms sleep), times it and counts it, then repeats after repeat_interval. */
public class GreetsAndTimesIt implements Scenario<Void> {

    @Override
    public void start(long userId, Void state) throws InterruptedException {
        long begin = System.nanoTime();
        Thread.sleep(5 + userId % 10);
        AmocMetrics.time("greeting", (System.nanoTime() - begin) / 1000);
        AmocMetrics.count("greetings");
    }
}
