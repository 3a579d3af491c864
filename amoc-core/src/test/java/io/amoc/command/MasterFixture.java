package io.amoc.command;

import io.amoc.cluster.Cluster;
import io.amoc.cluster.InMemoryNode;
import io.amoc.cluster.NodeHandle;
import io.amoc.compile.ScenarioCatalog;
import io.amoc.config.Config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A master over in-memory nodes (the NodeHandle seam): one local node, slaves from {@link InMemorySlaves}, and a
 * scenario path holding the fixture SleepsForever.
 */
final class MasterFixture {

    final Config config = new Config(Map.of(), Map.of());
    final InMemoryNode localNode = InMemoryNode.up("local");
    final InMemorySlaves slaves;
    final Path uploads;
    final Master master;

    MasterFixture(Path dir, InMemorySlaves slaves) {
        this.slaves = slaves;
        Config.install(config);
        Path scenarios = copyFixture(dir.resolve("scenarios"), "SleepsForever");
        uploads = dir.resolve("uploads");
        ScenarioCatalog catalog = new ScenarioCatalog(List.of(uploads, scenarios));
        Cluster local = new Cluster(() -> List.<NodeHandle>of(localNode));
        master = Master.start(new MasterSetup(config, catalog, uploads, local, c -> slaves));
    }

    static Path copyFixture(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Path source = Path.of(MasterFixture.class.getResource("/scenarios/" + name + ".java").toURI());
            Files.copy(source, dir.resolve(name + ".java"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    void close() throws InterruptedException {
        master.close(java.time.Duration.ofSeconds(1));
    }
}
