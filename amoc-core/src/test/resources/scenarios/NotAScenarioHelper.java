/** A helper class beside the scenarios; it is not a scenario and is not listed. */
public class NotAScenarioHelper {

    public static String greet(long userId) {
        return "hello " + userId;
    }
}
