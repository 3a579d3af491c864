package io.amoc.http;

/** Scenario sources the API's tests upload and run: real scenarios, named after what they do. */
final class Sources {

    /** Each user sleeps until it is removed or stopped. */
    static final String SLEEPS_UNTIL_REMOVED = """
            import io.amoc.scenario.Scenario;

            /** Each user sleeps until it is removed or stopped. */
            public class SleepsUntilRemoved implements Scenario<Void> {
                @Override
                public void start(long userId, Void state) throws InterruptedException {
                    Thread.sleep(Long.MAX_VALUE);
                }
            }
            """;

    /** Returns a String where an int is declared: javac refuses it on line 6. */
    static final String DOES_NOT_COMPILE = """
            import io.amoc.scenario.Scenario;

            public class DoesNotCompile implements Scenario<Void> {
                @Override
                public void start(long userId, Void state) {
                    int n = "not a number";
                }
            }
            """;

    private Sources() {
    }
}
