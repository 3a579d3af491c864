package io.amoc.command;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Run one load test to its end and judge it: users {@code 1..users} of {@code scenario}, until every user has
 * finished or {@code duration} has passed, then stop, evaluate the thresholds, and write the report.
 *
 * @param target      the master's own node ({@link Target#LOCAL}) or the slaves ({@link Target#DIST})
 * @param scenario    the scenario's simple class name
 * @param users       how many users in all (ids 1..users)
 * @param rate        users started per second over the whole cluster (each node's interarrival is derived from it
 *                    and the number of nodes); empty = config interarrival as it is
 * @param duration    the longest the run may last; empty = until every user has finished (refused while config
 *                    repeat_num is infinity: such users never finish)
 * @param thresholds  the thresholds of the verdict, as written; none = {@link #DEFAULT_THRESHOLDS}
 * @param reportDirectory where to write the report, if anywhere
 */
public record LoadTestRequest(Target target, String scenario, long users, OptionalDouble rate,
                              Optional<Duration> duration, List<String> thresholds, Optional<Path> reportDirectory) {

    /**
     * The thresholds a run (and a report) is held to when none is given: a run in which users failed, or stamped
     * messages went missing, fails.
     */
    public static final List<String> DEFAULT_THRESHOLDS = List.of("count(user_failures) == 0",
            "count(messages_missing) == 0");

    public LoadTestRequest {
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
    }
}
