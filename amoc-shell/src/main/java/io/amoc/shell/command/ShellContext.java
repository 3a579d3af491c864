package io.amoc.shell.command;

import io.amoc.cluster.Cluster;
import io.amoc.cluster.LocalNodeHandle;
import io.amoc.compile.ScenarioCatalog;
import io.amoc.config.Config;
import io.amoc.engine.NodeController;

import java.nio.file.Path;
import java.util.List;

/**
 * What the commands of one shell work on.
 *
 * @param home    the install root
 * @param config  this JVM's configuration
 * @param catalog the scenario path and its compiler
 * @param local   the cluster of one: the node inside this JVM that local.* drives
 */
public record ShellContext(Path home, Config config, ScenarioCatalog catalog, Cluster local) {

    /** The name of the node inside this JVM. */
    public static final String LOCAL_NODE = "local";

    /**
     * The context of a master JVM: its own node (named {@value #LOCAL_NODE}) as a cluster of one, and the scenario
     * path made of {@code scenarios/} of the install, {@code scenarioDirs} and config {@code scenario_path}.
     */
    public static ShellContext of(Path home, Config config, List<Path> scenarioDirs) {
        LocalNodeHandle node = new LocalNodeHandle(new NodeController(LOCAL_NODE));
        return new ShellContext(home, config, new ScenarioCatalog(ScenarioPath.of(home, scenarioDirs, config)),
                new Cluster(() -> List.of(node)));
    }
}
