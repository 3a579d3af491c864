package io.amoc.shell.command;

import io.amoc.cluster.Cluster;
import io.amoc.compile.ScenarioCatalog;
import io.amoc.config.Config;

import java.nio.file.Path;

/**
 * What the commands of one shell work on.
 *
 * @param home    the install root
 * @param config  this JVM's configuration
 * @param catalog the scenario path and its compiler
 * @param local   the cluster of one: the node inside this JVM that local.* drives
 */
public record ShellContext(Path home, Config config, ScenarioCatalog catalog, Cluster local) {
}
