package io.amoc.rmi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The source of a scenario that records which JVM runs which user: each user leaves {@code started-<id>-<pid>}
 * in the directory named by config {@code record_dir}, runs until stopped, then leaves {@code ended-<id>}.
 * The source exists only on the master (written to a temporary scenario directory).
 */
final class RecordingScenario {

    static final String NAME = "RecordsWhichJvmRunsEachUser";

    private static final String SOURCE = """
            import io.amoc.scenario.AmocConfig;
            import io.amoc.scenario.Scenario;
            import java.io.File;

            public class RecordsWhichJvmRunsEachUser implements Scenario<File> {
                @Override
                public File init() {
                    return new File(String.valueOf(AmocConfig.get("record_dir")));
                }

                @Override
                public void start(long userId, File dir) throws Exception {
                    new File(dir, "started-" + userId + "-" + ProcessHandle.current().pid()).createNewFile();
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } finally {
                        new File(dir, "ended-" + userId).createNewFile();
                    }
                }
            }
            """;

    private RecordingScenario() {
    }

    /** Writes the source into a fresh scenario directory. */
    static Path writeSource(Path scenarioDir) throws IOException {
        Files.createDirectories(scenarioDir);
        Files.writeString(scenarioDir.resolve(NAME + ".java"), SOURCE);
        return scenarioDir;
    }

    /** Which pid started each user id, from the record directory. */
    static Map<Long, Long> startedBy(Path recordDir) throws IOException {
        Map<Long, Long> started = new HashMap<>();
        try (Stream<Path> files = Files.list(recordDir)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("started-")).forEach(n -> {
                String[] parts = n.split("-");
                started.put(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            });
        }
        return started;
    }

    /** The ids whose user has ended. */
    static java.util.Set<Long> ended(Path recordDir) throws IOException {
        try (Stream<Path> files = Files.list(recordDir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("ended-"))
                    .map(n -> Long.parseLong(n.substring("ended-".length()))).collect(java.util.stream.Collectors.toSet());
        }
    }
}
