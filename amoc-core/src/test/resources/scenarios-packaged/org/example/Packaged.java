package org.example;

import io.amoc.scenario.AmocMetrics;
import io.amoc.scenario.Scenario;

/** A scenario in a package that uses a helper class from its own directory. */
public class Packaged implements Scenario<Void> {

    @Override
    public void start(long userId, Void state) {
        AmocMetrics.count(Greeting.of(userId));
    }
}
