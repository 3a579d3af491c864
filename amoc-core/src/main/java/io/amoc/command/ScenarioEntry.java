package io.amoc.command;

import java.nio.file.Path;

/**
 * One scenario of the scenario path.
 *
 * @param name   the scenario's name: its class's simple name
 * @param source the file that declares it
 */
public record ScenarioEntry(String name, Path source) {
}
