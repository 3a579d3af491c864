package io.amoc.shell.metrics;

import io.amoc.cluster.Cluster;
import io.amoc.metrics.MergedMetrics;
import io.amoc.metrics.MetricsSnapshot;
import io.amoc.shell.Reply;
import io.amoc.shell.command.Command;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Adds the run summary to a group's stop command: {@code <group>.do} notes the cluster's metrics as the run's start,
 * and {@code <group>.stop} takes them again just before stopping and appends what happened in between.
 */
public final class RunSummaries {

    private final Supplier<Optional<Cluster>> cluster;
    private final LongSupplier clockMillis;
    private volatile MetricsSnapshot atStart;
    private volatile long startedAtMillis;

    RunSummaries(Supplier<Optional<Cluster>> cluster, LongSupplier clockMillis) {
        this.cluster = cluster;
        this.clockMillis = clockMillis;
    }

    /** {@code commands} with {@code <group>.do} and {@code <group>.stop} wrapped; the others unchanged. */
    public static List<Command> around(List<Command> commands, String group, Supplier<Optional<Cluster>> cluster) {
        RunSummaries summaries = new RunSummaries(cluster, System::currentTimeMillis);
        return commands.stream().map(c -> c.name().equals(group + ".do") ? summaries.starting(c)
                : c.name().equals(group + ".stop") ? summaries.stopping(c) : c).toList();
    }

    /** The same, for the cluster of one that local.* drives. */
    public static List<Command> around(List<Command> commands, String group, Cluster cluster) {
        return around(commands, group, () -> Optional.of(cluster));
    }

    Command starting(Command command) {
        return new Command(command.name(), command.help(), command.params(), args -> {
            Optional<MetricsSnapshot> before = cluster.get().map(c -> Sample.of(c).snapshot());
            Reply reply = command.handler().handle(args);
            if (reply.ok()) {
                atStart = before.orElseGet(() -> cluster.get().map(c -> Sample.of(c).snapshot()).orElse(null));
                startedAtMillis = clockMillis.getAsLong();
            }
            return reply;
        });
    }

    Command stopping(Command command) {
        return new Command(command.name(), command.help(), command.params(), args -> {
            MetricsSnapshot start = atStart;
            Optional<MetricsSnapshot> atStop = start == null ? Optional.empty()
                    : cluster.get().map(c -> Sample.of(c).snapshot());
            Reply reply = command.handler().handle(args);
            if (!reply.ok() || atStop.isEmpty()) {
                return reply;
            }
            atStart = null;
            Duration elapsed = Duration.ofMillis(clockMillis.getAsLong() - startedAtMillis);
            String summary = RunSummaryView.render(MergedMetrics.since(start, atStop.get()), elapsed);
            return new Reply(true, reply.text().isEmpty() ? summary : reply.text() + "\n" + summary);
        });
    }
}
