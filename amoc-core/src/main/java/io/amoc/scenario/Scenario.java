package io.amoc.scenario;

/**
 * A load-test scenario: amoc runs one copy of {@link #start} per simulated user.
 *
 * <pre>{@code
 * public class Hello implements Scenario<Void> {
 *     public void start(long userId, Void state) throws Exception {
 *         AmocMetrics.count("hello");
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link #init} runs once per node, before any user starts there; what it returns is the
 *       {@code state} given to every {@link #start} on that node. If it throws, no user starts on that node.</li>
 *   <li>{@link #start} runs in its own user (a virtual thread). When it returns, the user waits
 *       {@code repeat_interval} ms and calls it again, {@code repeat_num} times in all (default: forever).
 *       If it throws, the failure is counted in {@code amoc.counters.user_failures}, logged once,
 *       and that user is not restarted.</li>
 *   <li>{@link #terminate} runs once per node when the scenario is stopped there.</li>
 * </ul>
 *
 * The class needs a public no-argument constructor. It may use {@link AmocConfig}, {@link AmocMetrics},
 * the helpers in {@code io.amoc.xmpp}, Smack with its extensions, slf4j for logging, and the jars of a {@code lib/}
 * folder beside it; nothing else of amoc is visible to it.
 *
 * @param <S> the per-node state shared by all users of the node
 */
public interface Scenario<S> {

    /** Prepares the node; the returned state is passed to every {@link #start}. Default: {@code null}. */
    default S init() throws Exception {
        return null;
    }

    /** One iteration of one user. Interruption means the user is being removed: return promptly. */
    void start(long userId, S state) throws Exception;

    /** Cleans up after the last user of the node has stopped. Default: nothing. */
    default void terminate(S state) throws Exception {
    }
}
