package io.amoc.shell.command;

import io.amoc.config.Config;

import java.nio.file.Path;

/**
 * What the commands of one shell work on.
 *
 * @param home   the install root
 * @param config this JVM's configuration
 */
public record ShellContext(Path home, Config config) {
}
