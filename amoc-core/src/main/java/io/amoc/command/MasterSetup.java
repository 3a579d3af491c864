package io.amoc.command;

import io.amoc.cluster.Cluster;
import io.amoc.cluster.LocalNodeHandle;
import io.amoc.cluster.Slaves;
import io.amoc.compile.ScenarioCatalog;
import io.amoc.config.Config;
import io.amoc.config.ConfigKeys;
import io.amoc.engine.NodeController;
import io.amoc.health.GeneratorHealth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link Master} works on.
 *
 * @param config    the master's configuration (the one installed as this JVM's)
 * @param catalog   the scenario path, the upload directory first
 * @param uploadDir where uploaded scenario sources are kept
 * @param local     the cluster of one: the node inside this JVM
 * @param slaves    starts the slave side at the first distributed operation (RMI's {@code Distribution::start})
 */
public record MasterSetup(Config config, ScenarioCatalog catalog, Path uploadDir, Cluster local,
                          Slaves.Factory slaves) {

    /** The name of the node inside the master. */
    public static final String LOCAL_NODE = "local";

    /**
     * The setup of a master JVM: its own node ({@value #LOCAL_NODE}) as a cluster of one, its load generator watched
     * ({@link GeneratorHealth#ofThisJvm}), and the scenario path made of {@code uploadDir}, {@code scenarios/} of the
     * install, {@code scenarioDirs} and config {@code scenario_path}.
     */
    public static MasterSetup of(Path home, List<Path> scenarioDirs, Path uploadDir, Config config,
                                 Slaves.Factory slaves) {
        LocalNodeHandle node = new LocalNodeHandle(new NodeController(LOCAL_NODE, GeneratorHealth.ofThisJvm()));
        ScenarioCatalog catalog = new ScenarioCatalog(scenarioPath(home, scenarioDirs, uploadDir, config));
        return new MasterSetup(config, catalog, uploadDir, new Cluster(() -> List.of(node)), slaves);
    }

    /** The directories searched for scenarios, in order: uploads, the install's, --scenarios, config scenario_path. */
    static List<Path> scenarioPath(Path home, List<Path> scenarioDirs, Path uploadDir, Config config) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(uploadDir.toAbsolutePath());
        Path installed = home.resolve("scenarios");
        if (Files.isDirectory(installed)) {
            dirs.add(installed);
        }
        scenarioDirs.forEach(dir -> dirs.add(dir.toAbsolutePath()));
        ConfigKeys.SCENARIO_PATH.get(config).stream().map(Path::of).forEach(dirs::add);
        return dirs;
    }
}
