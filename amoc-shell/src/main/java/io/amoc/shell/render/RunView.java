package io.amoc.shell.render;

import io.amoc.cluster.ClusterResult;
import io.amoc.command.RunStarted;
import io.amoc.command.Target;
import io.amoc.engine.IdRange;
import io.amoc.engine.NodeStatus;
import io.amoc.engine.RemovalReport;

import java.time.Duration;
import java.util.List;

/**
 * The words of the run commands' answers, one per node: {@code started Name@1a2b3c4d}, {@code adding users 11..15},
 * {@code removing 3 users (ids 15..13)}. The local node's answers say a little more (it is one node, on one line);
 * a distributed answer is a table of many.
 */
public final class RunView {

    private RunView() {
    }

    /** What one node says about a start. */
    public static String started(RunStarted started, Target target) {
        String text = "started " + started.scenario() + "@" + StatusView.shortSha(started.sha256());
        return target == Target.LOCAL
                ? text + ", spawning users " + started.from() + ".." + started.to() + " (type status to follow)"
                : text;
    }

    /** {@code local.do: Name.init() still running after 15 s}: a start whose init takes long, as it goes. */
    public static String initRunning(String who, String scenario, Duration elapsed) {
        return who + ": " + scenario + ".init() still running after " + elapsed.toSeconds() + " s";
    }

    /** What one node says about the ids it was given. */
    public static String added(IdRange ids) {
        return ids.isEmpty() ? "no users" : "adding users " + UserIds.of(ids);
    }

    /** What one node says about the users it removed (gently or by force) and those still alive after the grace period. */
    public static String removed(RemovalReport report, boolean force, Target target) {
        return target == Target.LOCAL ? removedHere(report, force) : removedThere(report, force);
    }

    private static String removedHere(RemovalReport report, boolean force) {
        if (report.removed().isEmpty()) {
            return "no users left to remove: those already being removed end after their current iteration"
                    + " (local.stop() ends every user now)";
        }
        int count = report.removed().size();
        String text = (force ? "removed " : "removing ") + (count == 1 ? "1 user (id " : count + " users (ids ")
                + UserIds.of(report.removed()) + ")" + (force ? "" : ": each ends after its current iteration");
        return report.stragglers().isEmpty() ? text
                : text + "; still alive after the grace period: " + UserIds.of(report.stragglers());
    }

    private static String removedThere(RemovalReport report, boolean force) {
        if (report.removed().isEmpty()) {
            return "none";
        }
        String text = (force ? "removed " : "removing ") + UserIds.of(sorted(report.removed()));
        return report.stragglers().isEmpty() ? text : text + "; still alive: " + UserIds.of(sorted(report.stragglers()));
    }

    private static List<Long> sorted(List<Long> ids) {
        return ids.stream().sorted().toList();
    }

    /**
     * {@code total: 1000 users on 2 of 3 slaves, 4 failures} (and {@code , 2 stragglers} when there are, and
     * {@code , generator overloaded on 1} if so).
     */
    public static String totals(ClusterResult<NodeStatus> statuses) {
        long users = statuses.values().values().stream().mapToLong(NodeStatus::usersAlive).sum();
        long failures = statuses.values().values().stream().mapToLong(NodeStatus::failures).sum();
        long stragglers = statuses.values().values().stream().mapToLong(NodeStatus::stragglers).sum();
        long overloaded = statuses.values().values().stream().filter(s -> s.overloaded() != null).count();
        return "total: " + users + (users == 1 ? " user" : " users") + " on " + statuses.values().size() + " of "
                + statuses.byNode().size() + " slaves, " + failures + (failures == 1 ? " failure" : " failures")
                + (stragglers == 0 ? "" : ", " + stragglers + (stragglers == 1 ? " straggler" : " stragglers"))
                + (overloaded == 0 ? "" : ", generator overloaded on " + overloaded);
    }
}
