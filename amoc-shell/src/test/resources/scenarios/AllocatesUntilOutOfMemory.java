import io.amoc.scenario.Scenario;

import java.util.ArrayList;
import java.util.List;

/** Each user keeps allocating memory until its JVM runs out of it. */
public class AllocatesUntilOutOfMemory implements Scenario<Void> {
    @Override
    public void start(long userId, Void state) {
        List<long[]> hoard = new ArrayList<>();
        while (true) {
            hoard.add(new long[128 * 1024]);
        }
    }
}
